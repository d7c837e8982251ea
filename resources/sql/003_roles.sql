-- OSP ERBM shared base, migration 003: who may do what, enforced by PostgreSQL.
--   osp_admin            DDTM: everything in the schema (the audit is read-only for all)
--   osp_lecteur          reads everything
--   osp_bailleurs        group of the osp_bailleur_<sigle> roles: reads everything; edits the
--                        dwellings of its landlord, the b_ block of its operations and its
--                        « bailleur » avancement notes
--   osp_epcis            group of the osp_epci_<sigle> roles: reads everything; edits the e_
--                        block of the operations of its territory and its « epci » notes
-- Row-level security policies are the guarantee; the triggers of migration 004 refuse
-- first, with a French message naming what is not allowed.  Column privileges keep every
-- partner out of the identity, DDTM and CRHH columns.

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['osp_admin', 'osp_lecteur', 'osp_bailleurs', 'osp_epcis'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
    END LOOP;
END
$$;

-- which partner role holds which codes (as written in the data: landlord code and
-- operation sigle; EPCI sigle and SIREN)
CREATE TABLE osp.partenaires (
    role text NOT NULL,
    type text NOT NULL CHECK (type IN ('bailleur', 'epci')),
    code text NOT NULL,
    nom text,
    PRIMARY KEY (role, code)
);

CREATE FUNCTION osp.est_admin() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(current_user, 'osp_admin', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
$$;

-- the codes of the partners the current user acts for
CREATE FUNCTION osp.mes_codes(kind text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(p.code), ARRAY[]::text[]) FROM osp.partenaires p
    WHERE p.type = kind AND pg_has_role(current_user, p.role, 'MEMBER')
$$;

-- a partner's group role (created once, idempotent); returns its name
CREATE FUNCTION osp.creer_partenaire(kind text, sigle text, codes text[], nom text)
RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    role_name text := 'osp_' || kind || '_' || lower(regexp_replace(sigle, '[^A-Za-z0-9]', '', 'g'));
    code text;
BEGIN
    IF kind NOT IN ('bailleur', 'epci') OR role_name !~ '^osp_(bailleur|epci)_[a-z0-9]+$' THEN
        RAISE EXCEPTION 'Partenaire refusé : type « % », sigle « % ».', kind, sigle;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
    END IF;
    EXECUTE format('GRANT %I TO %I', CASE kind WHEN 'bailleur' THEN 'osp_bailleurs'
                                                ELSE 'osp_epcis' END, role_name);
    FOREACH code IN ARRAY codes LOOP
        INSERT INTO osp.partenaires (role, type, code, nom) VALUES (role_name, kind, code, nom)
        ON CONFLICT DO NOTHING;
    END LOOP;
    RETURN role_name;
END
$$;

-- a login in one of the OSP groups; the password arrives already encrypted (SCRAM) by the
-- client, so it never travels nor is logged in clear.  Run by the base's owner for
-- osp_admin members (SECURITY DEFINER): adding a partner needs no superuser.
CREATE FUNCTION osp.ajouter_utilisateur(login text, groupe text, mot_de_passe_chiffre text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, osp AS $$
BEGIN
    -- SECURITY DEFINER: current_user is the owner here, the caller is session_user
    IF NOT (pg_has_role(session_user, 'osp_admin', 'MEMBER')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
        RAISE EXCEPTION 'Seul un administrateur OSP (osp_admin) ajoute des utilisateurs.'
            USING ERRCODE = '42501';
    END IF;
    IF login !~ '^[a-z_][a-z0-9_.-]{1,62}$' THEN
        RAISE EXCEPTION 'Identifiant « % » refusé : minuscules, chiffres, _ . - (2 à 63 caractères).', login;
    END IF;
    IF groupe NOT IN ('osp_admin', 'osp_lecteur')
       AND NOT EXISTS (SELECT 1 FROM osp.partenaires WHERE role = groupe) THEN
        RAISE EXCEPTION 'Groupe « % » inconnu de la base OSP.', groupe;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login) THEN
        IF mot_de_passe_chiffre IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, mot_de_passe_chiffre);
        END IF;
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', login, mot_de_passe_chiffre);
    END IF;
    EXECUTE format('GRANT %I TO %I', groupe, login);
    RETURN login;
END
$$;
REVOKE ALL ON FUNCTION osp.ajouter_utilisateur(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION osp.ajouter_utilisateur(text, text, text)
    TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;   -- refused inside, in French

GRANT USAGE ON SCHEMA osp TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;
GRANT SELECT ON ALL TABLES IN SCHEMA osp TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;
GRANT INSERT, UPDATE, DELETE ON osp.logements, osp.operations, osp.avancement, osp.cites,
    osp.territoires, osp.anomalies, osp.imports, osp.partenaires TO osp_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA osp TO osp_admin, osp_bailleurs, osp_epcis;

-- landlords: their dwellings; operations: the b_ block; notes
GRANT INSERT, UPDATE, DELETE ON osp.logements TO osp_bailleurs;
GRANT INSERT, UPDATE, DELETE ON osp.avancement TO osp_bailleurs, osp_epcis;
GRANT UPDATE (b_nb_total, b_nb_c, b_nb_bbc, b_nb_bio, b_env_total, b_env_c, b_env_bbc, b_obs,
              b_perimetre, b_report, b_rehab_integree, b_date_depot,
              e_nb_total, e_nb_c, e_nb_bbc, e_nb_bio, e_env_total, e_env_c, e_env_bbc, e_obs,
              e_date_validite, date_maj, maj_par, version)
    ON osp.operations TO osp_bailleurs, osp_epcis;

ALTER TABLE osp.logements ENABLE ROW LEVEL SECURITY;
ALTER TABLE osp.operations ENABLE ROW LEVEL SECURITY;
ALTER TABLE osp.avancement ENABLE ROW LEVEL SECURITY;

CREATE POLICY lecture ON osp.logements FOR SELECT USING (true);
CREATE POLICY administration ON osp.logements TO osp_admin USING (true) WITH CHECK (true);
CREATE POLICY bailleur_ajoute ON osp.logements FOR INSERT TO osp_bailleurs
    WITH CHECK (bailleur = ANY (osp.mes_codes('bailleur')));
-- USING (true): another's row reaches the trigger, which refuses it in French (a USING
-- filter would turn the refusal into a silent « 0 rows updated »)
CREATE POLICY bailleur_modifie ON osp.logements FOR UPDATE TO osp_bailleurs
    USING (true) WITH CHECK (bailleur = ANY (osp.mes_codes('bailleur')));
CREATE POLICY bailleur_supprime ON osp.logements FOR DELETE TO osp_bailleurs USING (true);

CREATE POLICY lecture ON osp.operations FOR SELECT USING (true);
CREATE POLICY administration ON osp.operations TO osp_admin USING (true) WITH CHECK (true);
CREATE POLICY bailleur_modifie ON osp.operations FOR UPDATE TO osp_bailleurs
    USING (true) WITH CHECK (bailleur = ANY (osp.mes_codes('bailleur')));
CREATE POLICY epci_modifie ON osp.operations FOR UPDATE TO osp_epcis
    USING (true) WITH CHECK (epci = ANY (osp.mes_codes('epci')));

CREATE FUNCTION osp.note_permise(note_role text, note_op integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM osp.operations o WHERE o.id_op = note_op AND (
        (note_role = 'bailleur' AND o.bailleur = ANY (osp.mes_codes('bailleur')))
        OR (note_role = 'epci' AND o.epci = ANY (osp.mes_codes('epci')))))
$$;

CREATE POLICY lecture ON osp.avancement FOR SELECT USING (true);
CREATE POLICY administration ON osp.avancement TO osp_admin USING (true) WITH CHECK (true);
CREATE POLICY partenaire_ajoute ON osp.avancement FOR INSERT TO osp_bailleurs, osp_epcis
    WITH CHECK (osp.note_permise(role, id_op));
CREATE POLICY partenaire_modifie ON osp.avancement FOR UPDATE TO osp_bailleurs, osp_epcis
    USING (true) WITH CHECK (osp.note_permise(role, id_op));
CREATE POLICY partenaire_supprime ON osp.avancement FOR DELETE TO osp_bailleurs, osp_epcis
    USING (true);
