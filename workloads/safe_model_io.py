"""Safe model files: skops only, with an explicit, minimal list of trusted types.

MLflow's skops flavour records the trusted-type list *inside* the model's own
MLmodel file, so a crafted model could whitelist anything.  Loading here never
reads that list: it checks that the artifact is skops (pickle and cloudpickle
are refused) and loads it with :data:`TRUSTED_TYPES`, which lists exactly the
non-default types our two model kinds need.  A model that needs anything more
fails to load with the offending type named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# skops' default trust covers plain scikit-learn estimators and numpy arrays.
# Beyond that (found with ``skops.io.get_untrusted_types`` on fitted models and
# pinned by a test): the histogram gradient boosting model stores its tree
# predictors and a partial of ``check_array``; the logistic pipeline's one-hot
# encoder stores its output dtype.
TRUSTED_TYPES: list[str] = [
    "functools.partial",
    "numpy.dtype",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.utils.validation.check_array",
]

SKOPS_FILE = "model.skops"


class UnsafeModelError(RuntimeError):
    """The model artifact is not in the skops format, or needs untrusted types."""


def load_skops_file(path: Path) -> Any:
    """Load a ``.skops`` file trusting only :data:`TRUSTED_TYPES`."""
    import skops.io
    from skops.io.exceptions import UntrustedTypesFoundException

    try:
        return skops.io.load(str(path), trusted=TRUSTED_TYPES)
    except UntrustedTypesFoundException as exc:
        raise UnsafeModelError(f"{path} needs types outside the trusted list: {exc}") from exc


def load_mlflow_model_dir(model_dir: Path) -> Any:
    """Load the scikit-learn model from a downloaded MLflow model directory, skops only."""
    model_dir = Path(model_dir)
    mlmodel_path = model_dir / "MLmodel"
    if not mlmodel_path.is_file():
        raise UnsafeModelError(f"{model_dir} is not an MLflow model directory (no MLmodel)")
    mlmodel = yaml.safe_load(mlmodel_path.read_text())
    flavor = (mlmodel.get("flavors") or {}).get("sklearn")
    if not flavor:
        raise UnsafeModelError(f"{model_dir} has no sklearn flavour")
    fmt = flavor.get("serialization_format")
    if fmt != "skops":
        raise UnsafeModelError(
            f"refusing to load a model serialized as {fmt!r}; only skops is safe"
        )
    model_file = model_dir / flavor.get("pickled_model", SKOPS_FILE)
    if model_file.suffix != ".skops" or not model_file.is_file():
        raise UnsafeModelError(f"skops model file missing in {model_dir}")
    return load_skops_file(model_file)
