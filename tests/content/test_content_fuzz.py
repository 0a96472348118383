"""Property tests: the front-matter parser only ever raises ContentError, and rendering
random Markdown never produces an executable tag."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content import ContentError, parse_front_matter, parse_yaml, render_markdown

from tests.content.html_audit import assert_inert

YAMLISH = st.text(alphabet=list(":-[]{}&*!|>'\"#%@`?,.=~<^$ \n\t\r\\abcit0123456789é€\x00\x85"),
                  max_size=200)
FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _only_content_errors(text: str) -> None:
    try:
        front = parse_front_matter(text, "fuzz.md")
    except ContentError as exc:
        assert str(exc).startswith("fuzz.md:")
    else:
        assert isinstance(front.data, dict) and isinstance(front.body, str)


@FAST
@given(st.text(max_size=300))
def test_front_matter_random_text(text: str) -> None:
    """Does any random text give a parsed front matter or a ContentError, nothing else?"""
    _only_content_errors(text)


@FAST
@given(YAMLISH, st.text(max_size=50))
def test_front_matter_random_yaml(header: str, body: str) -> None:
    """Does random YAML-like text between '---' fences only ever raise ContentError?"""
    _only_content_errors(f"---\n{header}\n---\n{body}")


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda kids: st.lists(kids, max_size=4)
                    | st.dictionaries(st.text(max_size=5), kids, max_size=4), max_leaves=20))
def test_yaml_from_structures(value: object) -> None:
    """Does YAML dumped from random structures (with tags, anchors) parse or fail cleanly?"""
    import yaml
    try:
        parse_yaml(yaml.dump(value), "fuzz.yaml")
    except ContentError:
        pass


@FAST
@given(st.text(alphabet=list("<>/\"'=:;&#()[]!*_`~|-\n aeijlopstvcrxhm0123456789"),
               max_size=200))
def test_random_markdown_is_inert(text: str) -> None:
    """Does Markdown made of HTML-ish characters never render anything executable?"""
    assert_inert(render_markdown(text, owner=("module", "m")))
