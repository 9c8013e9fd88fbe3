"""What a reader's browser may ask of the server, narrowed to what the atlas needs; and a health
check that says when pages cannot be served.

Streamlit's developer menu can send `BackMsg(clear_cache=True)` over `/_stcore/stream`, and the
server then empties every `st.cache_data` and `st.cache_resource` of the process, for all readers
(`AppSession.handle_backmsg` in streamlit/runtime/app_session.py; hiding the menu with
`client.toolbarMode = "minimal"` does not stop a client from sending it). Any anonymous client
could then make every reader's next page rebuild the corpus index, the shapes and the layers, in
a loop. The atlas's caches are emptied by the code that knows they are stale, never by a client:
that message is refused (and logged); every other message goes on to Streamlit.

`/_stcore/health` answers `ok` as long as Streamlit's runtime runs, even while every page hangs
(a read of the articles that never returns). The atlas adds its own checks (`health_checks`):
while one of them names a problem, the health route answers 503 with it, so a balancer or an
orchestrator stops sending readers there.
"""

from __future__ import annotations

import logging
from typing import Callable

from streamlit.runtime import Runtime
from streamlit.runtime.app_session import AppSession

_LOGGER = logging.getLogger(__name__)
REFUSED = frozenset({"clear_cache"})
# Each returns None when all is well, else what stops pages from being served (ui.data adds one).
health_checks: dict[str, Callable[[], str | None]] = {}


def health_problem() -> str | None:
    return next((problem for check in list(health_checks.values()) if (problem := check())), None)


def install() -> None:
    """Refuse the messages in REFUSED from every session of this process (idempotent)."""
    handle = AppSession.handle_backmsg
    if getattr(handle, "atlas_guard", False):
        return

    def guarded(session: AppSession, msg) -> None:
        kind = msg.WhichOneof("type")
        if kind in REFUSED:
            _LOGGER.warning("refused %s from session %s", kind, session.id)
            return
        handle(session, msg)

    guarded.atlas_guard = True
    AppSession.handle_backmsg = guarded

    ready = Runtime.is_ready_for_browser_connection  # a property whose value is awaited

    async def healthy(runtime: Runtime) -> tuple[bool, str]:
        ok, message = await ready.fget(runtime)
        problem = health_problem() if ok else None
        return (False, problem) if problem else (ok, message)

    Runtime.is_ready_for_browser_connection = property(healthy)

    # /_stcore/metrics is served to anyone (sessions, cache sizes; its cache-memory family walks
    # every session's state) and Streamlit has no setting to switch it off: its one StatsManager,
    # which nothing else reads, is left with no families, so the route answers an empty set.
    # (deploy/haproxy.cfg refuses the route outright in front of the replicas.)
    if Runtime.exists():
        Runtime.instance().stats_mgr._providers_by_family.clear()


install()
