"""A Streamlit client at the protocol level: one reader's session as the browser holds it, without
a browser. It speaks the messages Streamlit's frontend speaks over `/_stcore/stream` (protobuf
`BackMsg` up, `ForwardMsg` down, from the installed streamlit package's own protos): open a page
with a query string, set a widget's value (a map click, a theme picked, a search typed), and read
what the run drew (headings, Markdown, exceptions) and the address it left.

Used by the load benchmark (bench/load_server.py), the replica test and the cache-clearing test:
thousands of these fit where a few dozen Chromium pages starve a 2-core machine.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

THEME_KEY = "theme_choice"  # ui.atlas.controls' widget keys
SEARCH_KEY = "q_choice"


class ProtocolError(RuntimeError):
    """The server closed the stream, or a run did not finish in time."""


@dataclass
class Run:
    """What one script run sent: its elements by kind, the exceptions, how long it took."""
    seconds: float = 0.0
    headings: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, tuple[str, object]] = field(default_factory=dict)  # widget id → (kind, its proto)
    finished: str = ""  # the script_finished status

    def widget(self, key: str) -> tuple[str, object]:
        """The widget whose id carries the user key `key` (Streamlit puts it at the id's end)."""
        for widget_id, found in self.widgets.items():
            if widget_id.endswith(f"-{key}"):
                return widget_id, found[1]
        raise KeyError(f"no widget {key!r} in {sorted(self.widgets)}")

    def component(self) -> tuple[str, object]:
        """The map: the one custom component (st_folium derives its id from the map, not its key)."""
        for widget_id, (kind, found) in self.widgets.items():
            if kind == "component_instance":
                return widget_id, found
        raise KeyError(f"no map in {sorted(self.widgets)}")


class Session:
    """One reader: a websocket to one server, the page's query string and what the last run drew."""

    def __init__(self, base_url: str, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.query = ""
        self.page_hash = ""
        self.session_id = ""
        self.clicks = 0
        self.last = Run()
        self._ws: ClientConnection | None = None
        self._pending: asyncio.Queue[ForwardMsg] = asyncio.Queue()
        self._reader: asyncio.Task | None = None

    async def connect(self, headers: dict[str, str] | None = None) -> None:
        url = self.base_url.replace("http", "ws", 1) + "/_stcore/stream"
        self._ws = await connect(url, subprotocols=["streamlit"], additional_headers=headers or {},
                                 max_size=None, open_timeout=self.timeout, ping_interval=None)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for raw in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                await self._pending.put(msg)
        except Exception:  # noqa: BLE001  (a closed stream ends the queue, the run below reports it)
            pass
        await self._pending.put(None)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()  # closing a stream already dropped returns at once
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    async def send(self, msg: BackMsg) -> None:
        """Sends one message; a stream the server dropped is a ProtocolError, as when reading (the
        replica killed between two clicks fails the next send, not the next read)."""
        try:
            await self._ws.send(msg.SerializeToString())
        except ConnectionClosed as error:
            raise ProtocolError("the server closed the stream") from error

    async def open(self, params: dict[str, str] | None = None) -> Run:
        """The page opened with `params` in its address (a shared link), as a new tab does."""
        self.query = urlencode(params or {})
        return await self.rerun([])

    async def rerun(self, widgets: list[WidgetState]) -> Run:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self.page_hash
        state.widget_states.widgets.extend(widgets)
        state.context_info.timezone = "UTC"
        state.context_info.locale = "en-GB"
        state.context_info.url = f"{self.base_url}/?{self.query}"
        started = time.perf_counter()
        await self.send(msg)
        run = await self._until_finished()
        run.seconds = time.perf_counter() - started
        self.last = run
        return run

    async def _until_finished(self) -> Run:
        run = Run()
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                msg = await asyncio.wait_for(self._pending.get(), max(0.01, deadline - time.monotonic()))
            except TimeoutError as error:
                raise ProtocolError(f"no script_finished within {self.timeout} s") from error
            if msg is None:
                raise ProtocolError("the server closed the stream")
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id or self.session_id
                self.page_hash = msg.new_session.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element, run)
            elif kind == "script_finished":
                run.finished = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    return run
                run = Run()  # a rerun the run asked for itself (st.rerun, a link's clean-up): its result counts

    @staticmethod
    def _element(element, run: Run) -> None:
        kind = element.WhichOneof("type")
        body = getattr(element, kind)
        if kind == "heading":
            run.headings.append(body.body)
        elif kind == "markdown":
            run.markdown.append(body.body)
        elif kind == "exception":
            run.exceptions.append(f"{body.type}: {body.message}")
        widget_id = getattr(body, "id", "") if kind != "markdown" else ""
        if widget_id:
            run.widgets[widget_id] = (kind, body)

    # --- what a reader does ---
    async def click_map(self, lat: float, lng: float) -> Run:
        """A click on the map at (lat, lng), sent as st_folium sends it: the map's new value."""
        widget_id, _ = self.last.component()
        self.clicks += 1
        state = WidgetState(id=widget_id, json_value=json.dumps(
            {"last_object_clicked": {"lat": lat, "lng": lng}, "last_object_clicked_count": self.clicks}))
        return await self.rerun([state])

    async def pick_theme(self, slug: str) -> Run:
        widget_id, _ = self.last.widget(THEME_KEY)
        return await self.rerun([WidgetState(id=widget_id, string_value=slug)])

    async def search(self, words: str) -> Run:
        widget_id, _ = self.last.widget(SEARCH_KEY)
        return await self.rerun([WidgetState(id=widget_id, string_value=words)])

    async def clear_caches(self) -> None:
        """What the developer menu's "Clear cache" sends (any client can send it)."""
        msg = BackMsg()
        msg.clear_cache = True
        await self.send(msg)


def run_apart(coroutine):
    """Run `coroutine` to its end in a thread of its own: the browser tests leave Playwright's event
    loop running in the main thread, where asyncio.run() refuses to start another."""
    import asyncio
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
