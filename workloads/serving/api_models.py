"""The request and response bodies of the scoring service's own JSON API, and its one
input policy.

One strictness policy for every field, on every endpoint (the JSON API and both
Open Inference Protocol transports validate each row with :class:`PredictRequest`):

* numbers must be JSON numbers: strings (``"12.5"``) and booleans are refused;
* integer fields take any integral number (``539`` or ``539.0``, as JSON Schema's
  ``integer`` does) and refuse fractions (``539.5``);
* every number is finite: NaN and ±Infinity (which Python's JSON parser accepts) are
  refused, never compared against a bound;
* ``card_id`` is a positive integer of at most 2**53 - 1 (exact in every JSON reader);
* categorical fields take exactly one of their documented values;
* no unknown fields.

Every violation is a 422 naming the field, never a 5xx.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AllowInfNan, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from workloads import schema
from workloads.serving.scoring import PREDICTION_ID_PATTERN

# Card ids stay within the integers every JSON implementation represents exactly
# (I-JSON, RFC 7493 section 2.2: [-(2**53)+1, 2**53-1]); beyond that a JavaScript client or
# a validator working in doubles would silently change the id, and the bound itself
# (2**63 - 1, the Feast entity key's int64) is not even a double.
CARD_ID_MAX = 2**53 - 1
MerchantCategory = Literal[schema.MERCHANT_CATEGORIES]  # type: ignore[valid-type]
Channel = Literal[schema.CHANNELS]  # type: ignore[valid-type]


def _json_number(value: Any) -> Any:
    # bool is an int subclass in Python and str would be coerced in lax mode: neither is
    # a JSON number, so both are refused before pydantic's numeric parsing.
    if isinstance(value, bool | str | bytes):
        kind = "boolean" if isinstance(value, bool) else "string"
        raise PydanticCustomError(
            "number_type", "Input should be a JSON number, not a {kind}", {"kind": kind}
        )
    return value


JsonInt = Annotated[int, BeforeValidator(_json_number)]
# AllowInfNan as a type marker, not Field(allow_inf_nan=...): a field's own Field(gt=..., le=...)
# replaces an inner Field, and NaN would then fail only a bound ("<= 1000000").
JsonFloat = Annotated[float, AllowInfNan(False), BeforeValidator(_json_number)]


class PredictRequest(BaseModel):
    """A card id plus the fields known only at request time."""

    model_config = ConfigDict(extra="forbid")

    card_id: JsonInt = Field(gt=0, le=CARD_ID_MAX, description="the card's entity id")
    amount: JsonFloat = Field(gt=0, le=1_000_000, description="transaction amount")
    merchant_category: MerchantCategory
    channel: Channel
    hour_of_day: JsonInt = Field(ge=0, le=23)
    distance_from_home_km: JsonFloat = Field(ge=0, le=40_000)
    transaction_id: str | None = Field(default=None, max_length=128)


class PredictResponse(BaseModel):
    """The score with the variant and model version that produced it."""

    prediction_id: str = Field(pattern=PREDICTION_ID_PATTERN)
    card_id: int
    score: float = Field(ge=0, le=1)
    variant: Literal["champion", "challenger"]
    model_name: str
    model_version: str


class OutcomeRequest(BaseModel):
    """The settled outcome of an earlier prediction."""

    model_config = ConfigDict(extra="forbid")

    prediction_id: str = Field(
        pattern=PREDICTION_ID_PATTERN, description="an id this service returned from /predict"
    )
    label: JsonInt = Field(ge=0, le=1, description="1 fraud, 0 legitimate")


class OutcomeAccepted(BaseModel):
    """The outcome was written to the durable log."""

    status: Literal["accepted"]


class FieldError(BaseModel):
    """One invalid field: its dotted path, what is wrong and pydantic's error type."""

    field: str
    message: str
    type: str


class ValidationErrorBody(BaseModel):
    """422: the request does not follow the schema."""

    detail: Literal["invalid request"]
    errors: list[FieldError]


class ErrorDetail(BaseModel):
    """Any other error: what went wrong, in words."""

    detail: str


class Health(BaseModel):
    """The process is up."""

    status: Literal["ok"]


class Readiness(BaseModel):
    """Whether the service can score now, and with which versions."""

    ready: bool
    reason: str | None = None
    models: dict[str, str] | None = None


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the service's error bodies."""
    described = {
        401: (ErrorDetail, "missing or invalid bearer token"),
        404: (ErrorDetail, "unknown card or prediction id"),
        413: (ErrorDetail, "request body larger than SMP_MAX_REQUEST_BYTES"),
        422: (ValidationErrorBody, "invalid request, naming each invalid field"),
        503: (ErrorDetail, "feature store unavailable, overloaded or still starting; retry"),
    }
    return {
        code: {"model": described[code][0], "description": described[code][1]} for code in codes
    }
