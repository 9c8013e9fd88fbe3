"""What a reader's browser may ask of the server, narrowed to what the atlas needs.

Streamlit's developer menu can send `BackMsg(clear_cache=True)` over `/_stcore/stream`, and the
server then empties every `st.cache_data` and `st.cache_resource` of the process, for all readers
(`AppSession.handle_backmsg` in streamlit/runtime/app_session.py; hiding the menu with
`client.toolbarMode = "minimal"` does not stop a client from sending it). Any anonymous client
could then make every reader's next page rebuild the corpus index, the shapes and the layers, in
a loop. The atlas's caches are emptied by the code that knows they are stale, never by a client:
that message is refused (and logged); every other message goes on to Streamlit.
"""

from __future__ import annotations

import logging

from streamlit.runtime.app_session import AppSession

_LOGGER = logging.getLogger(__name__)
REFUSED = frozenset({"clear_cache"})


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


install()
