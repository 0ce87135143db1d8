"""What a record typed into a form must hold beyond what a stored one may: a file written
before a rule existed still loads, but nothing new is saved without it."""

from __future__ import annotations

from negtui.domain.field_labels import label
from negtui.domain.models import Lesson, Record, Risk, Scenario
from negtui.domain.text import quoted

BEARERS = ("us", "them", "both")


def entry_problems(record: Record) -> tuple[Record, dict[str, str]]:
    """The record as it will be saved (who bears a risk in lower case), and the problems
    by field name; none when it may be saved."""
    if isinstance(record, Scenario):
        if not record.outcome:
            return record, {"outcome": f"Write the outcome of the {record.kind.value} case: "
                                       "what the deal looks like if it ends this way"}
        return record, {}
    if isinstance(record, Risk):
        errors: dict[str, str] = {}
        bearer = record.bearer.casefold()
        if bearer not in BEARERS:
            shown = f", not {quoted(record.bearer)}" if record.bearer else ""
            errors["bearer"] = f"{label('risks', 'bearer')} must be us, them or both{shown}"
        if not record.mitigation:
            errors["mitigation"] = ("Every risk needs a mitigation: what you do to make it "
                                    "less likely or less bad")
        return record.model_copy(update={"bearer": bearer}), errors
    if isinstance(record, Lesson) and not (
            record.worked.strip() or record.did_not.strip() or record.why.strip()):
        return record, {"worked": "Write what worked, what did not, or why: an empty lesson "
                                  "would come back as an empty hint"}
    return record, {}
