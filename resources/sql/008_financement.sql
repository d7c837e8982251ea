-- OSP ERBM shared base, 008: the money of the operations (issue #29).
-- Operations gain their cost, the dates from the State's notification to the balance claim
-- and their financial state; each operation has its financing plan (osp.financements, one
-- line per funder) and each line its payments (osp.versements, which also carry id_op so
-- that the operations' form lists them).  The forms' rules are CHECKs (migration 009,
-- generated); who writes what:
--   a landlord: the cost and the dates of its operations, the lines of its operations that
--     are neither the State's nor the EPCI's, and their payments;
--   an EPCI: the « EPCI » lines of the operations of its territory, and their payments;
--   the DDTM (osp_admin): everything, the State's lines and payments, the financial state.
-- Amounts are numeric(14, 2): exact cents.

ALTER TABLE osp.operations
    ADD COLUMN cout_total_ttc numeric(14, 2),
    ADD COLUMN date_notification date,
    ADD COLUMN date_demarrage date,
    ADD COLUMN date_achevement date,
    ADD COLUMN date_solde date,
    ADD COLUMN etat_financier text;

CREATE TABLE osp.financements (
    fid serial PRIMARY KEY,
    id_fin integer NOT NULL UNIQUE,
    id_op integer NOT NULL REFERENCES osp.operations (id_op) ON DELETE CASCADE,
    financeur text NOT NULL,
    montant_prevu numeric(14, 2),
    montant_engage numeric(14, 2),
    date_engagement date,
    reference text,
    obs text,
    date_maj timestamp DEFAULT now(),
    maj_par text DEFAULT current_user,
    UNIQUE (id_fin, id_op)
);
CREATE TABLE osp.versements (
    fid serial PRIMARY KEY,
    id_vers integer NOT NULL UNIQUE,
    id_fin integer NOT NULL,
    id_op integer NOT NULL,
    date date,
    montant numeric(14, 2),
    type text,
    reference text,
    date_maj timestamp DEFAULT now(),
    maj_par text DEFAULT current_user,
    FOREIGN KEY (id_fin, id_op) REFERENCES osp.financements (id_fin, id_op) ON DELETE CASCADE
);
CREATE INDEX financements_id_op ON osp.financements (id_op);
CREATE INDEX versements_id_fin ON osp.versements (id_fin);
CREATE INDEX versements_id_op ON osp.versements (id_op);

-- may the current user write a line of this funder on this operation?
CREATE FUNCTION osp.ligne_permise(op integer, funder text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT osp.est_admin() OR EXISTS (SELECT 1 FROM osp.operations o WHERE o.id_op = op AND (
        (funder NOT IN ('ETAT', 'EPCI') AND o.bailleur = ANY (osp.mes_codes('bailleur')))
        OR (funder = 'EPCI' AND o.epci = ANY (osp.mes_codes('epci')))))
$$;
CREATE FUNCTION osp.ligne_lisible(op integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT osp.lit_tout() OR EXISTS (SELECT 1 FROM osp.operations o WHERE o.id_op = op AND (
        o.bailleur = ANY (osp.mes_codes('bailleur')) OR o.epci = ANY (osp.mes_codes('epci'))))
$$;

ALTER TABLE osp.financements ENABLE ROW LEVEL SECURITY;
ALTER TABLE osp.versements ENABLE ROW LEVEL SECURITY;
CREATE POLICY lecture ON osp.financements FOR SELECT USING (osp.ligne_lisible(id_op));
CREATE POLICY ecriture ON osp.financements FOR ALL USING (osp.ligne_permise(id_op, financeur))
    WITH CHECK (osp.ligne_permise(id_op, financeur));
CREATE POLICY lecture ON osp.versements FOR SELECT USING (osp.ligne_lisible(id_op));
CREATE POLICY ecriture ON osp.versements FOR ALL
    USING (osp.ligne_permise(id_op, (SELECT f.financeur FROM osp.financements f
                                     WHERE f.id_fin = versements.id_fin)))
    WITH CHECK (osp.ligne_permise(id_op, (SELECT f.financeur FROM osp.financements f
                                          WHERE f.id_fin = versements.id_fin)));

GRANT SELECT, INSERT, UPDATE, DELETE ON osp.financements, osp.versements
    TO osp_admin, osp_bailleurs, osp_epcis;
GRANT SELECT ON osp.financements, osp.versements TO osp_lecteur;
GRANT USAGE ON SEQUENCE osp.financements_fid_seq, osp.versements_fid_seq
    TO osp_admin, osp_bailleurs, osp_epcis;
-- partners read the new columns of the operations they read (006 grants columns by name)
GRANT SELECT (cout_total_ttc, date_notification, date_demarrage, date_achevement, date_solde,
              etat_financier) ON osp.operations TO osp_bailleurs, osp_epcis;
-- the landlord's cost and dates (the trigger below lets them through)
GRANT UPDATE (cout_total_ttc, date_notification, date_demarrage, date_achevement, date_solde)
    ON osp.operations TO osp_bailleurs;

-- the partners' trigger on operations: a landlord may also change its operations' cost and
-- dates (the rest as in 004)
CREATE OR REPLACE FUNCTION osp.colonnes_libres_bailleur() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['cout_total_ttc', 'date_notification', 'date_demarrage', 'date_achevement',
                 'date_solde']
$$;

CREATE OR REPLACE FUNCTION osp.controle_partenaire() RETURNS trigger
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
            IF NOT left(changed, 2) = ANY (prefixes)
               AND NOT ('b_' = ANY (prefixes) AND changed = ANY (osp.colonnes_libres_bailleur())) THEN
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

CREATE FUNCTION osp.controle_financement() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT osp.ligne_permise(OLD.id_op,
            CASE WHEN TG_TABLE_NAME = 'financements' THEN OLD.financeur
                 ELSE (SELECT financeur FROM osp.financements WHERE id_fin = OLD.id_fin) END) THEN
        RAISE EXCEPTION 'Modification refusée : cette ligne de financement de l''opération % n''est pas la vôtre (l''État écrit ses lignes et ses versements, l''EPCI les siennes, le bailleur les autres).',
            OLD.id_op USING ERRCODE = '42501';
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NOT osp.ligne_permise(NEW.id_op,
            CASE WHEN TG_TABLE_NAME = 'financements' THEN NEW.financeur
                 ELSE (SELECT financeur FROM osp.financements WHERE id_fin = NEW.id_fin) END) THEN
        RAISE EXCEPTION 'Ligne refusée : votre rôle n''écrit pas cette ligne de financement de l''opération % (l''État écrit ses lignes et ses versements, l''EPCI les siennes, le bailleur les autres).',
            NEW.id_op USING ERRCODE = '42501';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER a_controle_partenaire BEFORE INSERT OR UPDATE OR DELETE ON osp.financements
    FOR EACH ROW EXECUTE FUNCTION osp.controle_financement();
CREATE TRIGGER a_controle_partenaire BEFORE INSERT OR UPDATE OR DELETE ON osp.versements
    FOR EACH ROW EXECUTE FUNCTION osp.controle_financement();
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON osp.financements
    FOR EACH ROW EXECUTE FUNCTION osp.journaliser();
CREATE TRIGGER journal AFTER INSERT OR UPDATE OR DELETE ON osp.versements
    FOR EACH ROW EXECUTE FUNCTION osp.journaliser();
