import pytest

from newsprism.ingest.outlet import infer_outlet, outlet_from_url


@pytest.mark.parametrize(("url", "name"), [
    ("https://www.theguardian.com/world/2020/jan/01/x", "The Guardian"),
    ("https://globalnews.ca/news/4169571/x/", "Global News"),
    ("https://edition.cnn.com/2021/x", "CNN"),
    ("https://news.example.org/a", "news.example.org"),
])
def test_outlet_from_url_domain(url, name):
    assert outlet_from_url(url)[0] == name


@pytest.mark.parametrize(("text", "name"), [
    ("BOSTON (AP) — The storm hit overnight.", "Associated Press"),
    ("DENVER (CBS) – A fire broke out.", "CBS Denver"),
    ("LONDON (Reuters) - Shares rose.", "Reuters"),
])
def test_outlet_from_dateline(text, name):
    found = infer_outlet(text, text)
    assert found[0] == name and "dateline" in found[1]


def test_signature_line_names_the_outlet():
    raw = "The story.\nGet breaking National news\nMore story."
    assert infer_outlet(raw, "The story.\nMore story.")[0] == "Global News"


def test_weak_sign_off_style_says_it_is_weak():
    raw = "The story.\n\nFollow Jane Roe on Twitter @janeroe"
    name, provenance = infer_outlet(raw, "The story.")
    assert name == "Breitbart" and "weak" in provenance


def test_sign_off_in_the_middle_is_not_a_signature():
    raw = "The story.\nFollow Jane Roe on Twitter @janeroe\nMore story after it."
    assert infer_outlet(raw, raw) is None


def test_unknown_dateline_code_names_nothing():
    text = "PARIS (XYZ) — Something happened."
    assert infer_outlet(text, text) is None
