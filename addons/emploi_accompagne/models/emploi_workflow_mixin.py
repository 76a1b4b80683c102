from odoo import api, models
from odoo.exceptions import UserError


class EmploiWorkflowMixin(models.AbstractModel):
    """A status that only the record's own transitions change.

    The buttons and wizards call methods that check what each step requires
    (eligibility, decisions, signatures) and then go through ``_set_state``; a
    plain ``write`` of ``state``, as any client may send, is refused.
    """

    _name = "emploi.workflow.mixin"
    _description = "Status changed by its transitions only"
    # Other fields that only the record's buttons (or the portal) write, as
    # superuser: the dates and authors those steps record.
    _button_fields = ()

    def _check_button_fields(self, names):
        locked = set(self._button_fields) & set(names)
        if locked and not self.env.su:
            raise UserError(
                self.env._(
                    "%(fields)s: recorded by the buttons of the %(kind)s only.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(locked)
                    ),
                    kind=self._description,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        default = self._fields["state"].default(self)
        if not self.env.su and any(
            vals.get("state", default) != default for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A new %(kind)s starts in its first status.",
                    kind=self._description,
                )
            )
        self._check_button_fields({name for vals in vals_list for name in vals})
        return super().create(vals_list)

    def write(self, vals):
        # Superuser writes are the transitions below (and upgrades, crons).
        if "state" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "The status of “%(record)s” changes through its buttons only "
                    "(%(kind)s).",
                    record=self[:1].display_name,
                    kind=self._description,
                )
            )
        self._check_button_fields(vals)
        return super().write(vals)

    def _set_state(self, state, values=None):
        """Move to ``state`` (with ``values``) once the calling transition has
        checked the step; the user must be allowed to change these records."""
        self.check_access("write")
        self.sudo().write({"state": state, **(values or {})})
