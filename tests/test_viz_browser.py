"""Network pages in a real headless Chromium (selenium): offline, drawn, searchable, safe.

Needs the Debian packages chromium and chromium-driver (CI installs them); skipped
with the reason when they are absent. Pages are opened from file:// and from a
loopback HTTP server, with every host name resolved to nothing and a dead proxy, so a
request to the outside could not succeed -- and we check none is even attempted.
"""

from __future__ import annotations

import functools
import http.server
import threading
import time

import pytest

from medkg.graph import net_browser, net_synth, viz as V
from medkg.graph.store import Store

pytestmark = pytest.mark.browser

_why = net_browser.missing()
if _why:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=f"no headless browser: {_why}")]


@pytest.fixture(scope="module")
def drv():
    d = net_browser.driver()
    net_browser.watch_paint_at_stable(d)
    yield d
    d.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Pages of the invented graph, the hostile one included."""
    d = tmp_path_factory.mktemp("pages")
    st = Store()
    net_synth.demo_store(st, hostile=True)
    out = {}
    for view in ("entities", "people", "institutions", "countries"):
        out[view] = d / f"{view}.html"
        V.write_page(st, out[view], view=view)
    out["ego"] = d / "ego.html"
    V.write_page(st, out["ego"], view="ego", focus="Alice Chen", depth=2)
    return out


def load(drv, url):
    drv.get("about:blank")
    net_browser.requests_made(drv)
    net_browser.console_errors(drv)
    state = net_browser.open_page(drv, url, timeout=90)
    assert state["stable"], state
    return state


def only_local(urls):
    return [u for u in urls if not u.startswith(("file:", "data:", "about:", "http://127.0.0.1:"))]


@pytest.mark.parametrize("view", ["entities", "people", "institutions", "countries", "ego"])
def test_page_draws_offline_without_errors(drv, pages, view):
    state = load(drv, pages[view].as_uri())
    assert state["errors"] == []
    assert only_local(net_browser.requests_made(drv)) == []
    assert net_browser.console_errors(drv) == []  # no JS error, no CSP violation, no failed load
    assert net_browser.painted_pixels(drv) > 500  # the network is drawn
    assert net_browser.paint_at_stable(drv) > 500  # ... already when the page says it is stable
    # physics is off once stable: positions no longer move
    p1 = drv.execute_script("return window.medkg.network.getPositions()")
    time.sleep(0.3)
    assert drv.execute_script("return window.medkg.network.getPositions()") == p1
    assert drv.execute_script("return window.medkg.network.physics.options.enabled") is False


def test_page_from_loopback_server(drv, pages):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(pages["people"].parent))
    handler.log_message = lambda *a, **k: None
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}/people.html"
        load(drv, url)
        urls = net_browser.requests_made(drv)
        assert url in urls and only_local(urls) == []
        assert [u for u in urls if u.startswith("http")] == [url]  # the page itself, nothing else
        assert net_browser.console_errors(drv) == []
        assert net_browser.painted_pixels(drv) > 500
    finally:
        srv.shutdown()
        srv.server_close()


def test_search_box_finds_and_selects(drv, pages):
    load(drv, pages["entities"].as_uri())
    box = drv.find_element("id", "search-input")
    box.clear()
    box.send_keys("carol")
    drv.find_element("id", "search-button").click()
    selected = drv.execute_script("return window.medkg.network.getSelectedNodes()")
    assert selected == ["https://w3id.org/medkg/id/person/carol-evans"]
    assert drv.find_element("id", "search-status").text == "1 match"
    details = drv.find_element("id", "details")
    assert details.is_displayed()
    assert "Carol Evans" in details.text and "Carol Evans is from Japan." in details.text
    assert "Lung Course trains surgeons" in details.text  # the article the fact comes from
    box.clear()
    box.send_keys("no such entity")
    drv.find_element("id", "search-button").click()
    assert drv.find_element("id", "search-status").text == "no match"


def test_type_filter_hides_and_shows(drv, pages):
    load(drv, pages["entities"].as_uri())
    total = drv.execute_script("return window.medkg.network.body.nodeIndices.length")
    persons = drv.execute_script("return window.medkg.nodes.get({filter: n => n.etype === 'Person'}).length")
    assert persons == 4
    drv.find_element("css selector", "input.type-filter[value='Person']").click()
    assert drv.execute_script("return window.medkg.network.body.nodeIndices.length") == total - persons
    # searching a hidden type turns it back on
    assert drv.execute_script("return window.medkg.search('Bob Diaz')").endswith("/bob-diaz")
    assert drv.find_element("css selector", "input.type-filter[value='Person']").is_selected()
    assert drv.execute_script("return window.medkg.network.body.nodeIndices.length") == total


def test_legend_lists_types_with_counts(drv, pages):
    load(drv, pages["entities"].as_uri())
    items = [" ".join(li.text.split()) for li in drv.find_elements("css selector", "#legend-list li")]
    assert items == ["● Person 4", "■ Organization 3", "◆ Event 2", "★ Country 2"]


def test_injected_markup_never_runs(drv, pages):
    """A person named <img onerror=...> and a sentence with </script><script>: shown as text."""
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.action_chains import ActionChains
    for view in ("entities", "people", "ego"):
        load(drv, pages[view].as_uri())
        iri = drv.execute_script("return window.medkg.find(arguments[0])[0]", net_synth.HOSTILE_NAME)
        assert iri, view
        drv.execute_script("window.medkg.network.focus(arguments[0], {scale: 1.5})", iri)
        # hover the node: vis-network shows its tooltip
        dx, dy = drv.execute_script(
            "var n = window.medkg.network, d = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]),"
            " c = document.querySelector('#network canvas');"
            "return [d.x - c.clientWidth / 2, d.y - c.clientHeight / 2];", iri)
        canvas = drv.find_element("css selector", "#network canvas")
        ActionChains(drv).move_to_element_with_offset(canvas, 0, 0).perform()
        ActionChains(drv).move_to_element_with_offset(canvas, int(dx), int(dy)).pause(0.2) \
            .move_by_offset(1, 0).perform()
        tip = None
        for _ in range(100):  # vis-network shows it after its tooltip delay (300 ms); slower under load
            tip = drv.execute_script("var t = document.querySelector('div.vis-tooltip');"
                                     "return t ? [t.style.visibility, t.textContent] : null;")
            if tip and tip[0] == "visible":
                break
            time.sleep(0.05)
        assert tip and tip[0] == "visible" and net_synth.HOSTILE_NAME in tip[1], tip
        drv.execute_script("window.medkg.showNode(arguments[0])", iri)
        details = drv.find_element("id", "details").text
        assert net_synth.HOSTILE_NAME in details  # the name is shown, literally
        assert "window.__medkgPwned=2" in details  # and so is the sentence
        assert drv.execute_script("return document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert drv.execute_script("return window.__medkgPwned === undefined")
        with pytest.raises(NoAlertPresentException):
            drv.switch_to.alert.text
        scripts = drv.execute_script("return document.scripts.length")
        assert scripts == 3  # data block, vis-network, page script: nothing injected
        assert net_browser.console_errors(drv) == []


def test_tooltip_is_text(drv, pages):
    load(drv, pages["entities"].as_uri())
    tip = drv.execute_script(
        "var id = window.medkg.find(arguments[0])[0]; var t = window.medkg.nodes.get(id).title;"
        "return [t instanceof HTMLElement, t.textContent, t.querySelectorAll('img, script').length];",
        net_synth.HOSTILE_NAME)
    assert tip[0] is True and net_synth.HOSTILE_NAME in tip[1] and tip[2] == 0
