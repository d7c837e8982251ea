"""The shared PostGIS base (schema ``osp``): migrations, the form's rules as CHECK
constraints, the partners' roles.  Pure Python: ``processing_algs/base_io.py`` talks to
the server."""
