"""Running a use case from the screen: the change reaches disk first, then the screen says
so; a refusal is shown where the user is looking, with the files left as they were."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from negtui.actions.session import Session
from negtui.actions.undo import Change
from negtui.store import Store, StoreError
from negtui.store.errors import ChangedMeanwhile


class Notifies(Protocol):
    def notify(self, message: str, *, title: str = ..., severity: Any = ...,
               timeout: float | None = ..., markup: bool = ...) -> None: ...

    def refresh_bindings(self) -> None: ...


def problem_text(error: StoreError) -> str:
    return "\n".join(str(problem) for problem in error.problems[:3])


def save(node: Notifies, session: Session, use_case: Callable[[Store], object],
         done: str | None = "Saved", deal_id: str | None = None) -> bool:
    """Run ``use_case``; notify ``done`` once it is on disk, or why it was refused.

    A use case that returns the ``Change`` undoing it puts that on the undo stack, so
    ``u`` takes it back from any screen; any other use case empties the stack."""
    try:
        result = session.run(use_case, deal_id)
    except ChangedMeanwhile as changed:
        session.reload()  # the screen now shows their version
        node.notify(f"{problem_text(changed)}\nNow showing that version; do it again to "
                    "change it.", title="Not saved", severity="warning", timeout=10)
        return False
    except StoreError as error:
        node.notify(problem_text(error), title="Not saved", severity="error", timeout=8)
        return False
    if isinstance(result, Change):
        remember(node, session, result)
    else:
        session.undo.seal()
        node.refresh_bindings()
    if done:
        node.notify(done, timeout=2)
    return True


def remember(node: Notifies, session: Session, change: Change) -> None:
    session.undo.push(change)
    node.refresh_bindings()  # "u Undo" shows in the footer


def undo(node: Notifies, session: Session) -> bool:
    """Take back the last change on the undo stack, if there is one and it can be."""
    change = session.undo.pop()
    if change is None:
        node.notify("Nothing to undo", timeout=2)
        return False
    try:
        session.run(change.revert)
    except StoreError as error:
        node.notify(f"Could not undo {change.label}: {problem_text(error)}",
                    title="Not undone", severity="error", timeout=8)
        return False
    finally:
        node.refresh_bindings()
    if change.deal_id is not None:
        session.focus(change.deal_id)
    node.notify(f"Undone: {change.label}", timeout=2)
    return True


def save_from_form(node: Notifies, session: Session, use_case: Callable[[Store], object],
                   done: str | None = "Saved", deal_id: str | None = None) -> dict[str, str]:
    """The same for a form: no problems once saved, else the reason shown in the form,
    which stays open with everything typed."""
    from negtui.ui.widgets.form import FORM_ERROR  # the forms' code loads with the first one

    try:
        session.run(use_case, deal_id)
    except ChangedMeanwhile as changed:
        # Their version is read in, so saving again knowingly puts this one over it.
        session.reload()
        return {FORM_ERROR: f"Not saved: {problem_text(changed)}. ctrl+s again saves "
                            "yours over it; escape keeps theirs."}
    except StoreError as error:
        return {FORM_ERROR: f"Not saved: {problem_text(error)}"}
    # A form that can be undone puts its change on the stack once this returns.
    session.undo.seal()
    node.refresh_bindings()
    if done:
        node.notify(done, timeout=2)
    return {}
