"""The action editor: a modal form for all action-plan fields."""

from workshop_tui.core.action_form import ActionEditResult
from workshop_tui.ui.widgets.action_form.editor import ActionEditor

__all__ = ["ActionEditResult", "ActionEditor"]
