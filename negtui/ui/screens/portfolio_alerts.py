"""The Portfolio's ways into its alerts: ``!`` goes to the list, and choosing an alert
opens what it is about (its term on Terms, its item on the Calendar) or else its deal's
row, with whatever filter would hide that row cleared."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from negtui.domain.audit import Alert
from negtui.ui.screens.portfolio_view import FilterAndSortKeys
from negtui.ui.widgets.alerts_box import AlertsBox
from negtui.ui.widgets.shown import OptionList


class AlertKeys(FilterAndSortKeys):
    """What the alerts do when chosen; the Portfolio screen holds the box and the table."""

    if TYPE_CHECKING:
        def follow_current_deal(self) -> None: ...

    @on(OptionList.OptionSelected, "#alerts")
    def jump_to_alert(self, event: OptionList.OptionSelected) -> None:
        alert = self.query_one("#alerts", AlertsBox).alert_of(event.option)
        if alert is not None and self._open_subject(alert):
            return
        books = self.session.glance().books
        target = None if alert is None else next((d for d in alert.deal_ids if d in books),
                                                 None)
        if target is None:
            return
        if self.session.glance().books[target].deal.archived:
            self.show_archived = True
        # Whatever filter would hide the row goes, its field too, or the next key typed
        # there would bring it back.
        self.forget_filters()
        self.session.focus(target)
        self.fill()
        self.follow_current_deal()
        self.query_one("#deals").focus()

    def _open_subject(self, alert: Alert) -> bool:
        """Open what the alert is about: its term on Terms, else its item on the Calendar.
        False for an alert about no one term or item (it goes to its deal's row)."""
        from negtui.ui.screens.calendar import CalendarScreen
        from negtui.ui.screens.terms import TermsScreen

        book = self.session.glance().books.get(alert.deal_id or "")
        if book is None or book.deal.archived or (alert.term_id is None
                                                  and alert.entry_uid is None):
            return False
        self.session.focus(book.id)
        if alert.term_id is not None:
            self.negtui.show_screen("terms")
            if isinstance(terms := self.app.screen, TermsScreen):
                terms.show_term(alert.term_id)
        elif alert.entry_uid is not None:
            self.negtui.show_screen("calendar")
            if isinstance(calendar := self.app.screen, CalendarScreen):
                calendar.bring(alert.entry_uid)
        return True

    def action_alerts(self) -> None:
        box = self.query_one("#alerts", AlertsBox)
        box.list_now()  # typed before the box had listed them: they are there to go to
        if box.listed:
            box.focus()
            box.highlighted = box.highlighted or 0
