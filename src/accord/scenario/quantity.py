"""Numbers that may be uncertain and carry their source.

A :class:`Quantity` is written in a scenario file as a plain number (``0.8``), as a number with
provenance (``{value: 0.8, source: seed, confidence: medium}``) or as a range
(``{low: 0.6, mode: 0.8, high: 0.9}`` or ``{low: 0.6, high: 0.9}``). Analyses take its point
estimate (:attr:`Quantity.point`) or draw from it (:meth:`Quantity.draw`): a triangular
distribution when a mode is given, a uniform one otherwise.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import numpy as np
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    model_serializer,
    model_validator,
)

__all__ = ["MAX_MAGNITUDE", "Confidence", "Number", "Quantity"]

Confidence = Literal["low", "medium", "high"]

#: The largest magnitude a number in a scenario may have. The models multiply capabilities,
#: saliences and squared distances and sum them over actors; bounded inputs keep every such
#: product and sum finite in double precision.
MAX_MAGNITUDE = 1e15


def _bounded(x: float) -> float:
    if not abs(x) <= MAX_MAGNITUDE:
        raise ValueError(
            "number out of the range the models compute with: a magnitude of at most "
            f"{MAX_MAGNITUDE:g}"
        )
    return x


#: A finite float bounded to what the analyses can compute with (see :data:`MAX_MAGNITUDE`).
Number = Annotated[float, AfterValidator(_bounded)]


class Quantity(BaseModel):
    """A number with optional range, source and confidence."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    value: Number | None = Field(None, description="The value, when it is known exactly.")
    low: Number | None = Field(None, description="Lowest plausible value.")
    mode: Number | None = Field(None, description="Most likely value inside [low, high].")
    high: Number | None = Field(None, description="Highest plausible value.")
    source: str | None = Field(None, description="Id of an entry in the scenario's sources.")
    confidence: Confidence | None = Field(None, description="How sure the analyst is.")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, data: Any) -> Any:
        if isinstance(data, bool):
            raise ValueError("a number is expected here, not true/false")
        if isinstance(data, int | float):
            return {"value": data}
        return data

    @model_validator(mode="after")
    def _check_form(self) -> Quantity:
        ranged = self.low is not None or self.high is not None
        if self.value is None and not ranged:
            raise ValueError("give a value, or a range with low and high")
        if self.value is not None and (ranged or self.mode is not None):
            raise ValueError("give either a value or a range (low, mode, high), not both")
        if ranged and (self.low is None or self.high is None):
            raise ValueError("a range needs both low and high")
        if self.low is not None and self.high is not None:
            mode = self.mode if self.mode is not None else self.low
            if not self.low <= mode <= self.high or self.low > self.high:
                raise ValueError(
                    f"a range needs low <= mode <= high, got low={self.low}, "
                    f"mode={self.mode}, high={self.high}"
                )
        return self

    @model_serializer(mode="plain")
    def _serialise(self) -> float | dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if v is not None}
        if set(data) == {"value"}:
            return float(data["value"])
        return data

    @property
    def point(self) -> float:
        """The point estimate: the value, else the mode, else the middle of the range."""
        if self.value is not None:
            return self.value
        if self.mode is not None:
            return self.mode
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2.0

    @property
    def uncertain(self) -> bool:
        """Whether the quantity is a range rather than one value."""
        return self.value is None and self.low != self.high

    @property
    def bounds(self) -> tuple[float, float]:
        """``(low, high)``; both equal the value when it is exact."""
        if self.value is not None:
            return (self.value, self.value)
        assert self.low is not None and self.high is not None
        return (self.low, self.high)

    def draw(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """Draw ``size`` values: triangular with a mode, uniform without, constant if exact."""
        if not self.uncertain:
            return np.full(size, self.point, dtype=float)
        low, high = self.bounds
        if self.mode is not None:
            return rng.triangular(low, self.mode, high, size)
        return rng.uniform(low, high, size)
