"""The driver of an app that `negtui serve` started for a browser.

Textual's web driver reads the server's pipe until it closes, then stops reading and
leaves the app running: with the server gone (stopped, or killed), nobody can see or end
that app, and it lingers on the machine. Here a closed pipe, when the app did not ask to
exit, is taken as the end: the process is sent SIGTERM, which the app answers as a
closed terminal (an orderly exit, then the end within a bounded time; every change is
already on disk).
"""

from __future__ import annotations

import os
import signal

from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():
            os.kill(os.getpid(), signal.SIGTERM)
