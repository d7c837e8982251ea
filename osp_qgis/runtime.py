"""How a long run behaves in the Python process."""
import contextlib
import gc


@contextlib.contextmanager
def paused_gc():
    """Python's cycle collector paused while a plan builds millions of short strings and
    lists (none of them in a reference cycle: reference counting frees them).  Otherwise
    it walks every live object again and again as they pile up — a quarter of the join's
    time at département scale.  Restored as it was, whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
