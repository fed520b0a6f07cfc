"""Per-story stages: pure functions over one story's articles and per-document results,
registered with :func:`newsprism.pipeline.story_stage`. Every module here is imported by the
pipeline."""
