"""Programmation module: operations, partner round trip, subsidy estimates, CRHH recap (no Qt)."""
