"""Fichiers fonciers (Cerema, pb0010_local): social dwellings by Cerema's rule, cross-check
with the landlords' reported dwellings, social-housing shares by territory (no Qt)."""
