-- OSP ERBM shared base, migration 005: the « Historique » tab of the forms.
-- Each dwelling and operation carries, read-only, its latest changes as text (newest
-- first, 20 lines: when, who, which import, field « before » → « after »), kept by the
-- server; the whole history stays in osp.audit (osp:historique exports it).

ALTER TABLE osp.logements ADD COLUMN historique text;
ALTER TABLE osp.operations ADD COLUMN historique text;

CREATE FUNCTION osp.resumer_historique() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    head text := to_char(localtimestamp, 'DD/MM/YYYY HH24:MI') || ' ' || session_user
        || coalesce(' (import ' || nullif(current_setting('osp.id_import', true), '') || ')', '');
    changes text;
    older text[] := ARRAY[]::text[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.historique := head || ' : création';
        RETURN NEW;
    END IF;
    SELECT string_agg(n.key || ' '
                      || coalesce('« ' || (to_jsonb(OLD) ->> n.key) || ' »', '(vide)') || ' → '
                      || coalesce('« ' || n.value || ' »', '(vide)'),
                      ', ' ORDER BY n.key)
      INTO changes
      FROM jsonb_each_text(to_jsonb(NEW)) n
     WHERE n.value IS DISTINCT FROM to_jsonb(OLD) ->> n.key
       AND n.key NOT IN ('version', 'date_maj', 'maj_par', 'historique', 'geom', 'geom_import');
    IF NEW.geom IS DISTINCT FROM OLD.geom THEN
        changes := concat_ws(', ', changes, 'géométrie modifiée');
    END IF;
    IF changes IS NULL THEN
        RETURN NEW;
    END IF;
    IF OLD.historique IS NOT NULL THEN
        older := (string_to_array(OLD.historique, E'\n'))[1:19];
    END IF;
    NEW.historique := array_to_string(ARRAY[head || ' : ' || changes] || older, E'\n');
    RETURN NEW;
END
$$;

CREATE TRIGGER c_historique BEFORE INSERT OR UPDATE ON osp.logements
    FOR EACH ROW EXECUTE FUNCTION osp.resumer_historique();
CREATE TRIGGER c_historique BEFORE INSERT OR UPDATE ON osp.operations
    FOR EACH ROW EXECUTE FUNCTION osp.resumer_historique();

-- the audit keeps values, not the summary of them
CREATE OR REPLACE FUNCTION osp.journaliser() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, osp AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
    row_ jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO osp.audit (table_nom, action, cle, id_import, bailleur, epci, idcom, avant, apres)
    VALUES (TG_TABLE_NAME, TG_OP, (row_ ->> 'fid')::integer,
            nullif(current_setting('osp.id_import', true), '')::integer,
            row_ ->> 'bailleur', row_ ->> 'epci',
            coalesce(row_ ->> 'idcom', row_ ->> 'communes'),
            old_row - 'geom' - 'historique', new_row - 'geom' - 'historique');
    RETURN NULL;
END
$$;
