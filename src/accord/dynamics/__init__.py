"""After signing: a Monte Carlo simulation of what each deal (and no deal) leads to.

Month by month and vectorised over runs, obligors keep or break clauses, verification raises
alarms (and false alarms), each side updates its trust by Bayes' rule, frustration builds from
promised benefits not delivered, injured sides suspend their own clauses, the escalation rung
moves, and third parties hedge (MODELS.md section 4). :func:`sensitivity` shows which
assumptions the answer hangs on.

>>> import accord
>>> r = accord.simulate("korea-2018", deal="modest-agenda", runs=2000, horizon=24)
>>> sorted(r.deals)
['modest-agenda']
>>> 0.0 <= r.deals["modest-agenda"].at_end("p_intact") <= 1.0
True
"""

from accord.dynamics.inputs import EngineInputs
from accord.dynamics.ladder import LADDER, LADDERS, Ladder, Rung, ladder_for
from accord.dynamics.params import PARAMETERS, ParamSpec
from accord.dynamics.provenance import parameter_table
from accord.dynamics.result import Comparison, DealOutcome, SimulationResult
from accord.dynamics.sa_result import SensitivityResult
from accord.dynamics.sa_run import sensitivity
from accord.dynamics.simulate import deal_inputs, simulate, simulate_inputs

__all__ = [
    "LADDER",
    "LADDERS",
    "PARAMETERS",
    "Comparison",
    "DealOutcome",
    "EngineInputs",
    "Ladder",
    "ParamSpec",
    "Rung",
    "SensitivityResult",
    "SimulationResult",
    "deal_inputs",
    "ladder_for",
    "parameter_table",
    "sensitivity",
    "simulate",
    "simulate_inputs",
]
