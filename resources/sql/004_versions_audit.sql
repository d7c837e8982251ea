-- OSP ERBM shared base, migration 004: partners' rights in French, optimistic locking,
-- history.
--
-- Optimistic lock: a row's `version` grows by one at each update, and an update must say
-- so (NEW.version = OLD.version + 1, i.e. « I read version n »).  When someone else saved in
-- between, OLD.version has moved on and the update is refused: never a silent overwrite.
-- The plugin sets it for QGIS edits; SQL writes `version = <version read> + 1`.

CREATE FUNCTION osp.controle_partenaire() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    partner_b boolean := pg_has_role(current_user, 'osp_bailleurs', 'MEMBER');
    partner_e boolean := pg_has_role(current_user, 'osp_epcis', 'MEMBER');
    mine_b text[];
    mine_e text[];
    prefixes text[] := ARRAY[]::text[];
    changed text;
BEGIN
    IF osp.est_admin() OR NOT (partner_b OR partner_e) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    mine_b := osp.mes_codes('bailleur');
    mine_e := osp.mes_codes('epci');
    IF TG_TABLE_NAME = 'logements' THEN
        IF TG_OP IN ('UPDATE', 'DELETE') AND NOT coalesce(OLD.bailleur = ANY (mine_b), false) THEN
            RAISE EXCEPTION 'Modification refusée : le logement % (id_osp %) appartient au bailleur « % » ; votre rôle ne modifie que les logements de « % ».',
                coalesce(OLD.ident_rep, OLD.ident_int, '?'), OLD.id_osp, coalesce(OLD.bailleur, '?'),
                array_to_string(mine_b, ', ') USING ERRCODE = '42501';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NOT coalesce(NEW.bailleur = ANY (mine_b), false) THEN
            RAISE EXCEPTION 'Modification refusée : un logement du bailleur « % » ne peut pas être écrit par votre rôle (bailleur « % »).',
                coalesce(NEW.bailleur, '?'), array_to_string(mine_b, ', ') USING ERRCODE = '42501';
        END IF;
    ELSIF TG_TABLE_NAME = 'operations' THEN
        IF partner_b AND coalesce(OLD.bailleur = ANY (mine_b), false) THEN
            prefixes := prefixes || 'b_'::text;
        END IF;
        IF partner_e AND coalesce(OLD.epci = ANY (mine_e), false) THEN
            prefixes := prefixes || 'e_'::text;
        END IF;
        IF cardinality(prefixes) = 0 THEN
            RAISE EXCEPTION 'Modification refusée : l''opération % (« % ») est celle du bailleur « % » et de l''EPCI « % » ; votre rôle n''y a pas accès en écriture.',
                OLD.id_op, coalesce(OLD.nom, ''), coalesce(OLD.bailleur, '?'), coalesce(OLD.epci, '?')
                USING ERRCODE = '42501';
        END IF;
        FOR changed IN
            SELECT n.key FROM jsonb_each(to_jsonb(NEW)) n
            WHERE n.value IS DISTINCT FROM to_jsonb(OLD) -> n.key
              AND n.key NOT IN ('version', 'date_maj', 'maj_par')
        LOOP
            IF NOT left(changed, 2) = ANY (prefixes) THEN
                RAISE EXCEPTION 'Modification refusée : la colonne « % » de l''opération % n''est pas dans votre bloc (%).',
                    changed, OLD.id_op,
                    CASE WHEN prefixes = ARRAY['b_'] THEN 'b_… : prévisionnel bailleur'
                         WHEN prefixes = ARRAY['e_'] THEN 'e_… : prévisionnel EPCI'
                         ELSE 'b_… et e_…' END
                    USING ERRCODE = '42501';
            END IF;
        END LOOP;
    ELSIF TG_TABLE_NAME = 'avancement' THEN
        IF TG_OP IN ('UPDATE', 'DELETE') AND NOT osp.note_permise(OLD.role, OLD.id_op) THEN
            RAISE EXCEPTION 'Modification refusée : la note % (rôle « % ») de l''opération % n''est pas la vôtre.',
                OLD.id_note, OLD.role, OLD.id_op USING ERRCODE = '42501';
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NOT osp.note_permise(NEW.role, NEW.id_op) THEN
            RAISE EXCEPTION 'Note refusée : votre rôle écrit les notes « % » des opérations de son bailleur ou de son EPCI seulement (opération %, rôle « % »).',
                CASE WHEN partner_b THEN 'bailleur' ELSE 'epci' END, NEW.id_op, NEW.role
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE FUNCTION osp.verifier_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_who text;
    last_when timestamptz;
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        SELECT a.qui, a.quand INTO last_who, last_when FROM osp.audit a
        WHERE a.table_nom = TG_TABLE_NAME AND a.cle = OLD.fid ORDER BY a.id_audit DESC LIMIT 1;
        RAISE EXCEPTION 'Conflit de modification : % % a été enregistré par % le % (version %) depuis votre lecture (version %). Rien n''a été écrit : recharger la couche et refaire la modification.',
            CASE TG_TABLE_NAME WHEN 'logements' THEN 'le logement' ELSE 'l''opération' END,
            coalesce(to_jsonb(OLD) ->> 'id_osp', to_jsonb(OLD) ->> 'id_op'),
            coalesce(last_who, '?'), coalesce(to_char(last_when, 'DD/MM/YYYY HH24:MI:SS'), '?'),
            OLD.version, coalesce((NEW.version - 1)::text, '?')
            USING ERRCODE = '40001';
    END IF;
    NEW.date_maj := localtimestamp(0);
    IF TG_TABLE_NAME = 'operations' THEN
        NEW.maj_par := session_user;
    END IF;
    RETURN NEW;
END
$$;

-- the history: who, when, which import (setting osp.id_import of the importing
-- transaction) or edit, old and new values
CREATE FUNCTION osp.journaliser() RETURNS trigger
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
            old_row - 'geom', new_row - 'geom');
    RETURN NULL;
END
$$;

CREATE TRIGGER a_controle_partenaire BEFORE INSERT OR UPDATE OR DELETE ON osp.logements
    FOR EACH ROW EXECUTE FUNCTION osp.controle_partenaire();
CREATE TRIGGER a_controle_partenaire BEFORE UPDATE ON osp.operations
    FOR EACH ROW EXECUTE FUNCTION osp.controle_partenaire();
CREATE TRIGGER a_controle_partenaire BEFORE INSERT OR UPDATE OR DELETE ON osp.avancement
    FOR EACH ROW EXECUTE FUNCTION osp.controle_partenaire();
CREATE TRIGGER b_verifier_version BEFORE UPDATE ON osp.logements
    FOR EACH ROW EXECUTE FUNCTION osp.verifier_version();
CREATE TRIGGER b_verifier_version BEFORE UPDATE ON osp.operations
    FOR EACH ROW EXECUTE FUNCTION osp.verifier_version();
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON osp.logements
    FOR EACH ROW EXECUTE FUNCTION osp.journaliser();
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON osp.operations
    FOR EACH ROW EXECUTE FUNCTION osp.journaliser();
