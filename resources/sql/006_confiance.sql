-- OSP ERBM shared base, migration 006: trust between partners (issue 25).
--
-- 1. osp.ajouter_utilisateur creates and resets OSP logins only: the logins it created
--    (marked by a role comment), members of an OSP group, never a superuser, the database owner, a
--    role that can create roles or bypass row security, nor any other application's role.
--    The database owner may add the first OSP admin.
-- 2. Read isolation, as the partners would have it (RLS + column privileges):
--    - dwellings: a landlord reads its own, an EPCI those of its territory (without the
--      landlord's internal id and private notes);
--    - operations: identity and CRHH decision of every operation are shared
--      (osp.operations_partagees, the CRHH recap is sent to all); each forecast block (b_,
--      e_, d_) and its observations are read only by its author's group and the State
--      (osp_admin, osp_lecteur); a partner reads its own operations in the table itself;
--    - notes: published notes are shared, drafts (« brouillon ») read by their author's
--      group and the State;
--    - history: each partner reads the audit of its own rows, without the other blocks
--      (osp.historique_partenaire); the State reads it all.
--    osp_lecteur is a State reader (DDTM, DRBM): it reads everything.
-- 3. The key that signs partner workbooks (osp.cle_classeurs): administrators only.

-- 1. logins ---------------------------------------------------------------------------------
-- A login the OSP created carries the comment « OSP ERBM … » (role comments are shared by
-- every database of the server, like the roles and the OSP groups themselves); the table
-- osp.utilisateurs says who created which, in this base.
CREATE TABLE osp.utilisateurs (
    login text PRIMARY KEY,
    groupe text NOT NULL,
    cree_le timestamptz NOT NULL DEFAULT now(),
    cree_par text NOT NULL DEFAULT session_user
);
REVOKE ALL ON osp.utilisateurs FROM PUBLIC;
GRANT SELECT ON osp.utilisateurs TO osp_admin;

-- the logins earlier versions created: members of an OSP group, nothing more
DO $$
DECLARE
    found record;
BEGIN
    FOR found IN
        SELECT DISTINCT ON (r.rolname) r.rolname AS login, g.rolname AS groupe
          FROM pg_roles r
          JOIN pg_auth_members m ON m.member = r.oid
          JOIN pg_roles g ON g.oid = m.roleid
         WHERE r.rolcanlogin AND NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolbypassrls
           AND NOT r.rolreplication
           AND r.oid <> (SELECT datdba FROM pg_database WHERE datname = current_database())
           AND (g.rolname IN ('osp_admin', 'osp_lecteur')
                OR g.rolname IN (SELECT role FROM osp.partenaires))
         ORDER BY r.rolname, g.rolname
    LOOP
        INSERT INTO osp.utilisateurs (login, groupe, cree_par)
        VALUES (found.login, found.groupe, 'migration 006');
        EXECUTE format('COMMENT ON ROLE %I IS %L', found.login,
                       'OSP ERBM : identifiant créé par osp.ajouter_utilisateur');
    END LOOP;
END
$$;

CREATE FUNCTION osp.identifiant_osp(login text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce(shobj_description(r.oid, 'pg_authid') LIKE 'OSP ERBM%', false)
      FROM pg_roles r WHERE r.rolname = login
$$;

CREATE FUNCTION osp.proprietaire_base() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT pg_get_userbyid(datdba)::text FROM pg_database WHERE datname = current_database()
$$;

CREATE OR REPLACE FUNCTION osp.ajouter_utilisateur(login text, groupe text,
                                                   mot_de_passe_chiffre text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, osp AS $$
DECLARE
    existing pg_roles%ROWTYPE;
BEGIN
    -- SECURITY DEFINER: current_user is the owner here, the caller is session_user
    IF NOT (pg_has_role(session_user, 'osp_admin', 'MEMBER')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
            OR session_user = osp.proprietaire_base()) THEN
        RAISE EXCEPTION 'Seul un administrateur OSP (osp_admin) ou le propriétaire de la base ajoute des utilisateurs.'
            USING ERRCODE = '42501';
    END IF;
    IF login !~ '^[a-z_][a-z0-9_.-]{1,62}$' THEN
        RAISE EXCEPTION 'Identifiant « % » refusé : minuscules, chiffres, _ . - (2 à 63 caractères).', login;
    END IF;
    IF login ~ '^pg_' OR login IN ('osp_admin', 'osp_lecteur', 'osp_bailleurs', 'osp_epcis', 'public')
       OR EXISTS (SELECT 1 FROM osp.partenaires WHERE role = login) THEN
        RAISE EXCEPTION 'Identifiant « % » refusé : c''est le nom d''un groupe, pas d''une personne.', login
            USING ERRCODE = '42501';
    END IF;
    IF groupe NOT IN ('osp_admin', 'osp_lecteur')
       AND NOT EXISTS (SELECT 1 FROM osp.partenaires WHERE role = groupe) THEN
        RAISE EXCEPTION 'Groupe « % » inconnu de la base OSP.', groupe;
    END IF;
    SELECT * INTO existing FROM pg_roles WHERE rolname = login;
    IF FOUND THEN
        IF existing.rolsuper OR existing.rolcreaterole OR existing.rolbypassrls
           OR existing.rolreplication OR login = osp.proprietaire_base()
           OR NOT osp.identifiant_osp(login) THEN
            RAISE EXCEPTION 'Le rôle « % » existe déjà sur le serveur et n''est pas un identifiant créé par l''OSP : ni son mot de passe ni ses groupes ne sont modifiés. Choisir un autre identifiant.', login
                USING ERRCODE = '42501';
        END IF;
        IF mot_de_passe_chiffre IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', login, mot_de_passe_chiffre);
        END IF;
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION '
                       'NOBYPASSRLS INHERIT PASSWORD %L', login, mot_de_passe_chiffre);
        EXECUTE format('COMMENT ON ROLE %I IS %L', login,
                       'OSP ERBM : identifiant créé par osp.ajouter_utilisateur');
    END IF;
    INSERT INTO osp.utilisateurs (login, groupe) VALUES (login, groupe)
    ON CONFLICT ON CONSTRAINT utilisateurs_pkey DO UPDATE SET groupe = excluded.groupe;
    EXECUTE format('GRANT %I TO %I', groupe, login);
    RETURN login;
END
$$;
REVOKE ALL ON FUNCTION osp.ajouter_utilisateur(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION osp.ajouter_utilisateur(text, text, text)
    TO PUBLIC;   -- refused inside, in French, to anyone but an admin or the owner
-- the database's owner reaches the schema to add the first admin (the schema may have been
-- created by a superuser)
DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA osp TO %I', osp.proprietaire_base());
END
$$;

-- 2. read isolation ------------------------------------------------------------------------
CREATE FUNCTION osp.lit_tout() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT osp.est_admin() OR pg_has_role(current_user, 'osp_lecteur', 'MEMBER')
$$;

REVOKE SELECT ON osp.logements, osp.operations, osp.avancement, osp.audit, osp.anomalies
    FROM osp_bailleurs, osp_epcis;

-- dwellings
GRANT SELECT ON osp.logements TO osp_bailleurs;
GRANT SELECT (fid, id_osp, ident_rep, idlocal, idpar, idcom, dep, epci, intitule, bailleur,
              type_palu, num_decision, annee_financ, date_os, date_fin, dnvoiri, dindic,
              dvoilib, idcomtxt, cite_ini, id_cite, nom_cite_1, l_id_cite, num_rpls_ini,
              num_esti_ini, geoloc_source, geoloc_motif, date_maj, statut, geom_import,
              id_import, version, geom)
    ON osp.logements TO osp_epcis;
DROP POLICY lecture ON osp.logements;
CREATE POLICY lecture_etat ON osp.logements FOR SELECT TO osp_admin, osp_lecteur USING (true);
CREATE POLICY lecture_bailleur ON osp.logements FOR SELECT TO osp_bailleurs
    USING (bailleur = ANY (osp.mes_codes('bailleur')));
CREATE POLICY lecture_epci ON osp.logements FOR SELECT TO osp_epcis
    USING (epci = ANY (osp.mes_codes('epci')));

-- updates of the identity, the DDTM's block and the CRHH decision reach the trigger, which
-- refuses them in French naming the column (a column privilege would refuse them too, but
-- in the server's English, without the column); the row is still the partner's own (RLS)
GRANT UPDATE (nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
              d_nb_total, d_nb_c, d_nb_bbc, d_nb_bio, d_env_total, d_env_c, d_env_bbc, d_obs,
              d_env_min, d_env_max, d_bonus_min, d_bonus_max,
              crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, geom)
    ON osp.operations TO osp_bailleurs, osp_epcis;

-- operations: the table for its own rows, with its own block
GRANT SELECT (fid, id_op, nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
              b_nb_total, b_nb_c, b_nb_bbc, b_nb_bio, b_env_total, b_env_c, b_env_bbc, b_obs,
              b_perimetre, b_report, b_rehab_integree, b_date_depot,
              crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, date_maj, maj_par,
              version, geom)
    ON osp.operations TO osp_bailleurs;
GRANT SELECT (fid, id_op, nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
              e_nb_total, e_nb_c, e_nb_bbc, e_nb_bio, e_env_total, e_env_c, e_env_bbc, e_obs,
              e_date_validite,
              crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, date_maj, maj_par,
              version, geom)
    ON osp.operations TO osp_epcis;
DROP POLICY lecture ON osp.operations;
CREATE POLICY lecture_etat ON osp.operations FOR SELECT TO osp_admin, osp_lecteur USING (true);
CREATE POLICY lecture_bailleur ON osp.operations FOR SELECT TO osp_bailleurs
    USING (bailleur = ANY (osp.mes_codes('bailleur')));
CREATE POLICY lecture_epci ON osp.operations FOR SELECT TO osp_epcis
    USING (epci = ANY (osp.mes_codes('epci')));

-- every operation's identity and CRHH decision, shared by all partners (the view runs with
-- its owner's rights: no block, no observation, no history in it)
CREATE VIEW osp.operations_partagees WITH (security_barrier) AS
    SELECT fid, id_op, nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
           crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, geom
      FROM osp.operations;
GRANT SELECT ON osp.operations_partagees TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;

-- a partner's own operations with its own block, for editing in QGIS (the caller's rights:
-- row security, column privileges and the triggers apply as on the table)
CREATE VIEW osp.operations_bloc_bailleur WITH (security_invoker = true) AS
    SELECT fid, id_op, nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
           b_nb_total, b_nb_c, b_nb_bbc, b_nb_bio, b_env_total, b_env_c, b_env_bbc, b_obs,
           b_perimetre, b_report, b_rehab_integree, b_date_depot,
           crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, date_maj, maj_par,
           version, geom
      FROM osp.operations;
CREATE VIEW osp.operations_bloc_epci WITH (security_invoker = true) AS
    SELECT fid, id_op, nom, bailleur, epci, communes, cites, annee_prog, type_prog, statut,
           e_nb_total, e_nb_c, e_nb_bbc, e_nb_bio, e_env_total, e_env_c, e_env_bbc, e_obs,
           e_date_validite,
           crhh_nb_valides, crhh_enveloppe, crhh_date, num_decision, date_maj, maj_par,
           version, geom
      FROM osp.operations;
CREATE VIEW osp.logements_territoire WITH (security_invoker = true) AS
    SELECT fid, id_osp, ident_rep, idlocal, idpar, idcom, dep, epci, intitule, bailleur,
           type_palu, num_decision, annee_financ, date_os, date_fin, dnvoiri, dindic, dvoilib,
           idcomtxt, cite_ini, id_cite, nom_cite_1, l_id_cite, num_rpls_ini, num_esti_ini,
           geoloc_source, geoloc_motif, date_maj, statut, geom_import, id_import, version, geom
      FROM osp.logements;
GRANT SELECT, UPDATE ON osp.operations_bloc_bailleur TO osp_admin, osp_bailleurs;
GRANT SELECT, UPDATE ON osp.operations_bloc_epci TO osp_admin, osp_epcis;
GRANT SELECT ON osp.logements_territoire TO osp_admin, osp_lecteur, osp_epcis;

-- notes
GRANT SELECT ON osp.avancement TO osp_bailleurs, osp_epcis;
DROP POLICY lecture ON osp.avancement;
CREATE POLICY lecture_etat ON osp.avancement FOR SELECT TO osp_admin, osp_lecteur USING (true);
CREATE POLICY lecture_partenaire ON osp.avancement FOR SELECT TO osp_bailleurs, osp_epcis
    USING (statut IS DISTINCT FROM 'brouillon' OR osp.note_permise(role, id_op));

-- import anomalies of a landlord's own deliveries
GRANT SELECT ON osp.anomalies TO osp_bailleurs;
ALTER TABLE osp.anomalies ENABLE ROW LEVEL SECURITY;
CREATE POLICY lecture_etat ON osp.anomalies FOR SELECT TO osp_admin, osp_lecteur USING (true);
CREATE POLICY administration ON osp.anomalies TO osp_admin USING (true) WITH CHECK (true);
CREATE POLICY lecture_bailleur ON osp.anomalies FOR SELECT TO osp_bailleurs
    USING (bailleur = ANY (osp.mes_codes('bailleur')));

-- the history: the audit of one's own rows, without the blocks and notes of others
CREATE FUNCTION osp.sans_autres_blocs(record_ jsonb, kept text[], hidden text[])
RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN record_ IS NULL THEN NULL ELSE coalesce(
        (SELECT jsonb_object_agg(n.key, n.value) FROM jsonb_each(record_) n
          WHERE NOT (n.key ~ '^(b|e|d)_' AND left(n.key, 2) <> ALL (kept))
            AND n.key <> ALL (hidden)),
        jsonb_build_object()) END
$$;

CREATE VIEW osp.historique_partenaire WITH (security_barrier) AS
    SELECT a.id_audit, a.quand, a.qui, a.table_nom, a.action, a.cle, a.id_import, a.bailleur,
           a.epci, a.idcom,
           CASE WHEN osp.lit_tout() THEN a.avant
                ELSE osp.sans_autres_blocs(a.avant, v.kept, v.hidden) END AS avant,
           CASE WHEN osp.lit_tout() THEN a.apres
                ELSE osp.sans_autres_blocs(a.apres, v.kept, v.hidden) END AS apres
      FROM osp.audit a,
           LATERAL (SELECT
               CASE WHEN a.bailleur = ANY (osp.mes_codes('bailleur')) THEN ARRAY['b_']
                    ELSE ARRAY[]::text[] END
               || CASE WHEN a.epci = ANY (osp.mes_codes('epci')) THEN ARRAY['e_']
                       ELSE ARRAY[]::text[] END AS kept,
               CASE WHEN a.table_nom = 'logements'
                         AND NOT coalesce(a.bailleur = ANY (osp.mes_codes('bailleur')), false)
                    THEN ARRAY['info', 'ident_int', 'historique']
                    ELSE ARRAY['historique'] END AS hidden) v
     WHERE osp.lit_tout()
        OR a.bailleur = ANY (osp.mes_codes('bailleur'))
        OR (a.epci = ANY (osp.mes_codes('epci')) AND a.table_nom IN ('logements', 'operations'));
GRANT SELECT ON osp.historique_partenaire TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;

-- the version check names who saved last: read from the audit with the owner's rights, for
-- the row being updated only
CREATE FUNCTION osp.derniere_modification(table_ text, key_ integer, OUT qui text,
                                          OUT quand timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, osp AS $$
    SELECT a.qui, a.quand FROM osp.audit a WHERE a.table_nom = table_ AND a.cle = key_
     ORDER BY a.id_audit DESC LIMIT 1
$$;
REVOKE ALL ON FUNCTION osp.derniere_modification(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION osp.derniere_modification(text, integer)
    TO osp_admin, osp_lecteur, osp_bailleurs, osp_epcis;

CREATE OR REPLACE FUNCTION osp.verifier_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_who text;
    last_when timestamptz;
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version + 1 THEN
        SELECT d.qui, d.quand INTO last_who, last_when
          FROM osp.derniere_modification(TG_TABLE_NAME, OLD.fid) d;
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

-- 3. the signing key of partner workbooks --------------------------------------------------
CREATE TABLE osp.cle_classeurs (
    cle text NOT NULL,
    cree_le timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON osp.cle_classeurs FROM PUBLIC;
GRANT SELECT, INSERT ON osp.cle_classeurs TO osp_admin;
