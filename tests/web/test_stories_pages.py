"""The story pages: the list (articles, languages, outlets, first and last seen; paging) and one story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.app import Settings, create_app
from communique.records import stable_id

TRAVEL = stable_id("story", "1591747382")


@pytest.fixture(scope="module")
def web(story_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(story_store))), client=("127.0.0.1", 50000),
                    base_url="http://localhost") as client:
        yield client


def test_the_list_shows_each_story_with_its_languages_and_span(web: TestClient) -> None:
    answer = web.get("/stories")
    assert answer.status_code == 200
    html = answer.text
    assert "3 story(ies), 1–3" in html
    assert f'<a href="/stories/{TRAVEL}">Fast jeder Zweite lehnt Grenzöffnungen für Sommerurlaub ab</a>' in html
    assert "<td>2020-05-20</td><td>2020-05-22</td><td>2</td><td>de, en</td>" in html
    assert '<a href="/stories">Stories</a>' in html  # in the navigation of every page
    only_big = web.get("/stories", params={"min_documents": 2}).text
    assert "1 story(ies)" in only_big and "NRW" not in only_big


def test_one_story_page_lists_its_articles_and_how_they_joined(web: TestClient) -> None:
    html = web.get(f"/stories/{TRAVEL}").text
    assert '<dd class="languages">de, en</dd>' in html
    assert '<dd class="outlets">euobserver.example.com, example-de.de</dd>' in html
    assert '<a href="/documents/1593268446">Germany casts doubt on summer travel</a>' in html
    assert 'like <a href="/documents/1591747382">1591747382</a> (score 1.' in html
    assert "No events found in these articles." in html


def test_an_unknown_story_is_a_404_page(web: TestClient) -> None:
    answer = web.get("/stories/story_0000000000000000")
    assert answer.status_code == 404
