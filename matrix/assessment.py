"""The assessment (kartlegging): one person's answers, parsed tolerantly, validated strictly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator

from matrix import values as v
from matrix.districts import fold_variants
from matrix.fields import CANONICAL_FIELDS, TILSYNSBEHOV, VARIGHET
from matrix.load import Matrix
from matrix.messages import Lang, has, t

Scale = Annotated[int, BeforeValidator(v.parse_scale)]
# 1–7, or «Ønsker ikke å svare» (SPEC section 3)
QualityOfLife = Annotated[int | Literal["vil_ikke_svare"], BeforeValidator(lambda raw: v.parse_scale_or_declined(raw, 1, 7))]
YesNo = Annotated[bool, BeforeValidator(v.parse_yes_no)]
Text = Annotated[str, BeforeValidator(v.parse_text)]


@dataclass(frozen=True)
class FieldError:
    """One bad field: the canonical field name, a message code and its parameters."""

    felt: str
    kode: str
    params: Mapping[str, object]

    def message(self, lang: Lang = "nb") -> str:
        return t(self.kode, lang, **self.params)

    @property
    def missing(self) -> bool:
        return self.kode == "mangler"


class AssessmentInvalid(Exception):
    """The input cannot be classified; `errors` names every bad or missing field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.felt}: {e.message('en')}" for e in errors))

    @property
    def missing_fields(self) -> list[str]:
        return [e.felt for e in self.errors if e.missing]

    @property
    def only_missing(self) -> bool:
        return all(e.missing for e in self.errors)


def _matrix(info: ValidationInfo) -> Matrix:
    return info.context["matrix"]  # type: ignore[index]


class Assessment(BaseModel):
    """SPEC section 3. Unknown extra fields are kept in `ekstra` and passed through."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    person_id: Annotated[str, BeforeValidator(v.parse_person_id)]
    bydel: str
    boevne: Scale
    rus: Scale
    psykisk_helse: Scale
    somatisk_helse: Scale
    atferd: Scale
    sosial_fungering: Scale
    tilsynsbehov: Annotated[str, BeforeValidator(lambda raw: v.parse_supervision(raw, TILSYNSBEHOV))]
    behandlingsbehov: YesNo
    vold_trusler: YesNo
    brannrisiko: YesNo
    varighet: Annotated[str, BeforeValidator(lambda raw: v.parse_choice(raw, VARIGHET))]
    boligsituasjon: str
    avlastningsbehov: YesNo = False
    institusjonsinntak_12m: Annotated[int, BeforeValidator(v.parse_count)] | None = None
    livskvalitet: QualityOfLife | None = None
    brukers_onske: Text | None = None
    kjonn: Annotated[str, BeforeValidator(v.parse_sex)] | None = None
    fodselsar: int | None = None
    vurdert_dato: Annotated[date, BeforeValidator(v.parse_date)] | None = None
    tidligere_gruppe: int | None = None
    ekstra: dict[str, Any] = {}

    @model_validator(mode="before")
    @classmethod
    def _tidy(cls, raw: Any) -> Any:
        """Blank cells count as absent; columns we do not know go to `ekstra`."""
        if not isinstance(raw, Mapping):
            return raw
        tidy: dict[str, Any] = {}
        given_extra = raw.get("ekstra")
        if given_extra is not None and not isinstance(given_extra, Mapping):
            raise v.problem("objekt", felt="ekstra")
        extra: dict[str, Any] = dict(given_extra or {})
        seen: set[str] = set()
        for key, value in raw.items():
            if key == "ekstra":
                continue
            name = str(key).strip().lower()
            if name in seen:  # "rus" and "RUS": which one was meant cannot be known
                raise v.problem("json_dobbel_nokkel", nokkel=v.shown(key), felt=name if name in CANONICAL_FIELDS else "rad")
            seen.add(name)
            if name in CANONICAL_FIELDS:
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                tidy[name] = value
            else:
                extra[str(key)] = value
        tidy["ekstra"] = extra
        return tidy

    @field_validator("bydel", mode="before")
    @classmethod
    def _district(cls, raw: Any, info: ValidationInfo) -> str:
        index = _matrix(info).districts
        found = index.resolve(raw)
        if found is None:
            raise v.problem("bydel", verdi=v.shown(raw), antall=len(index.districts))
        return found.navn

    @field_validator("boligsituasjon", mode="before")
    @classmethod
    def _housing(cls, raw: Any, info: ValidationInfo) -> str:
        lookup = _matrix(info).housing_lookup
        if isinstance(raw, str):
            for key in fold_variants(raw):
                if key in lookup:
                    return lookup[key]
        raise v.problem("valg", verdi=v.shown(raw), gyldige=", ".join(_matrix(info).housing))

    @field_validator("tidligere_gruppe", mode="before")
    @classmethod
    def _previous_group(cls, raw: Any, info: ValidationInfo) -> int:
        groups = _matrix(info).groups
        try:
            value = v.parse_int(raw)
        except Exception:
            value = None
        if value not in groups:
            raise v.problem("gruppe", verdi=v.shown(raw), max=max(groups))
        return value  # type: ignore[return-value]

    @field_validator("fodselsar", mode="before")
    @classmethod
    def _birth_year(cls, raw: Any) -> int:
        this_year = date.today().year
        try:
            value = v.parse_int(raw)
        except Exception:
            value = 0
        if not 1900 <= value <= this_year:
            raise v.problem("aar", verdi=v.shown(raw), min=1900, max=this_year)
        return value

    def canonical(self) -> dict[str, Any]:
        """The canonical fields as JSON-ready values (dates ISO), without `ekstra`."""
        data = self.model_dump(exclude={"ekstra"})
        if self.vurdert_dato is not None:
            data["vurdert_dato"] = self.vurdert_dato.isoformat()
        return data


_PYDANTIC_CODES = {"missing": "mangler"}


def _field_error(error: Mapping[str, Any]) -> FieldError:
    """Our parsers raise errors whose type is a message code; pydantic's own get a generic one."""
    context = dict(error.get("ctx") or {})
    loc = error.get("loc") or ()
    field_name = str(loc[0]) if loc else str(context.pop("felt", "rad"))
    code = _PYDANTIC_CODES.get(error["type"], error["type"])
    if has(code):
        return FieldError(field_name, code, context)
    return FieldError(field_name, "ugyldig", {"detalj": error.get("msg", code)})


def parse_assessment(raw: Mapping[str, Any], matrix: Matrix) -> Assessment:
    """Validate one assessment against `matrix`; raises AssessmentInvalid naming every bad field."""
    try:
        return Assessment.model_validate(raw, context={"matrix": matrix})
    except ValidationError as error:
        raise AssessmentInvalid([_field_error(e) for e in error.errors()]) from None
