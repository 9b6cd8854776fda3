"""The service chain (Helhetlig tiltakskjede) as a networkx graph."""

from service_chain.chain import ServiceChain, ServiceLine
from service_chain.validate import validate_graph

__all__ = ["ServiceChain", "ServiceLine", "validate_graph"]
