"""Per-document stages: pure functions of one parsed article, registered with
:func:`newsprism.pipeline.document_stage`. Every module here is imported by the pipeline."""
