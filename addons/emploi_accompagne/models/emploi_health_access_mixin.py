from odoo import models
from odoo.exceptions import AccessError


class EmploiHealthAccessMixin(models.AbstractModel):
    """Records carrying health fields (``_health_fields``): every read or
    export of those fields, and every refusal, goes to the access log."""

    _name = "emploi.health.access.mixin"
    _description = "Record carrying health data"
    _health_fields = ()

    def _health_fields_in(self, names):
        if names:
            wanted = {name.split("/")[0].split(".")[0] for name in names}
            return wanted & set(self._health_fields)
        return {
            name
            for name in self._health_fields
            if self._fields[name].is_accessible(self.env)
        }

    def _logged(self, names, operation, call):
        health = self._health_fields_in(names)
        if not health or not self or self.env.su:
            return call()
        Log = self.env["emploi.access.log"]
        try:
            result = call()
        except AccessError:
            Log._log(self, health, operation, refused=True)
            raise
        Log._log(self, health, operation)
        return result

    def read(self, fields=None, load="_classic_read"):
        return self._logged(
            fields,
            "read",
            lambda: super(EmploiHealthAccessMixin, self).read(fields, load),
        )

    def export_data(self, fields_to_export):
        return self._logged(
            fields_to_export,
            "export",
            lambda: super(EmploiHealthAccessMixin, self).export_data(fields_to_export),
        )
