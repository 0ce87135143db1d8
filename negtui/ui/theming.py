"""The app's colours: the theme chosen at start, kept in the config file when the user
picks another, every screen drawn again in it; and the stylesheet they are parsed into."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.theme import Theme
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from negtui.domain.config import ConfigRead
from negtui.store.config import ConfigNotKept, keep_theme
from negtui.ui.messages import PortfolioReloaded
from negtui.ui.stylesheet import KeptStylesheet


def short_path(path: Path) -> str:
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


class ThemedApp(App[int]):
    """The part of the app that looks after its theme."""

    config: ConfigRead
    config_file: Path | None

    def __init__(self) -> None:
        self._variables_of: tuple[Theme, dict[str, str]] | None = None
        super().__init__()
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self._kept_theme = ""

    def get_css_variables(self) -> dict[str, str]:
        """The theme's colours, worked out once per theme: Textual asks for them again
        each time a main screen is shown for the first time."""
        theme = self.current_theme
        if self._variables_of is None or self._variables_of[0] is not theme:
            self._variables_of = (theme, super().get_css_variables())
        self.theme_variables = dict(self._variables_of[1])
        return self.theme_variables

    def _choose_theme(self) -> None:
        if self.config.config.theme:
            self.theme = self.config.config.theme  # the user's choice wins
        elif self.few_colours():
            # A 16-colour terminal maps the theme's greys onto "bright black", and red or
            # magenta text on it is hard to read: draw on the terminal's own colours.
            self.theme = "ansi-dark"
        self._kept_theme = self.theme

    def few_colours(self) -> bool:
        """True on a terminal that shows 16 colours (TERM=xterm-16color, or plain xterm
        without COLORTERM); never in a test's headless run, whose screenshots must not
        depend on the terminal the tests were started from."""
        return not self.is_headless and self.console.color_system in ("standard", "windows")

    def _keep_theme(self, theme: Theme) -> None:
        """A theme chosen in the app (palette, Settings) is kept in the config file."""
        if theme.name == self._kept_theme or self.config_file is None:
            return
        try:
            keep_theme(self.config_file, theme.name)
        except ConfigNotKept as error:
            self.notify(f"Theme {theme.name} is used, but not kept: {error}",
                        severity="error", timeout=10)
            return
        self._kept_theme = theme.name
        self.notify(f"Theme {theme.name} kept in {short_path(self.config_file)}", timeout=3)

    def _theme_changed(self, _: object) -> None:
        # Colours inside the text of tables, bands and titles are taken from the theme when
        # drawn: draw them again.
        for screen in self.screen_stack:
            screen.post_message(PortfolioReloaded())
            for header in screen.query(Header):
                # A header still being mounted has no title yet; it draws it when it has.
                for title in header.query(HeaderTitle):
                    title.update(header.format_title())
