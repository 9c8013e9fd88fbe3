"""The summits page and a person's link, end to end in Debian's Chromium against `streamlit run`."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import WAIT_MS, heading, new_page, open_atlas, wait_for_url_param

pytestmark = pytest.mark.browser


def test_the_summits_page_compares_the_two_summits_and_links_to_a_person(page: Page, atlas_server):
    page.goto(f"{atlas_server.url}/summits")
    expect(heading(page, "★ Astana — Second China–Central Asia Summit, 17 June 2025")).to_be_visible(timeout=WAIT_MS)
    expect(heading(page, "★ Xi'an — First China–Central Asia Summit, 18–19 May 2023")).to_be_visible()
    expect(page.get_by_text("Traité de bon voisinage éternel et de coopération amicale").first).to_be_visible()
    expect(page.get_by_text("Summit number 3: expected in 2027")).to_be_visible()
    page.get_by_role("link", name="Xi Jinping ·").first.click()
    wait_for_url_param(page, "person", "xi-jinping")
    expect(heading(page, "Xi Jinping")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("quotes Xi Jinping").first).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_person_is_opened_from_a_venues_panel_and_the_link_reopens_it(page: Page, atlas_server, browser):
    open_atlas(page, f"{atlas_server.url}/?place=astana")
    expect(heading(page, "★ Astana")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("What the summit produced")).to_be_visible()
    page.get_by_role("button", name="Lin Jian").click()
    wait_for_url_param(page, "person", "lin-jian")
    expect(heading(page, "Lin Jian")).to_be_visible(timeout=WAIT_MS)
    expect(page.get_by_text("quotes Lin Jian").first).to_be_visible()
    shared = page.evaluate("window.location.href")
    with new_page(browser) as fresh:
        open_atlas(fresh, shared)
        expect(heading(fresh, "Lin Jian")).to_be_visible(timeout=WAIT_MS)
