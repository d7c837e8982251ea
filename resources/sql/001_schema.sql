-- OSP ERBM shared base, migration 001: the tables.
-- Column names are the plugin's (analyse layer: osp_qgis/analyse.py FIELDS; operations and
-- avancement: osp_qgis/programmation/model.py); tests compare them.  Run by osp:init_base in
-- one transaction with the later migrations; never edited once released (add a new file).

CREATE TABLE osp.imports (
    id_import serial PRIMARY KEY,
    quand timestamptz NOT NULL DEFAULT now(),
    qui text NOT NULL DEFAULT session_user,
    algorithme text NOT NULL,
    fichier text,
    n_lus integer CHECK (n_lus IS NULL OR n_lus >= 0),
    n_ajoutes integer CHECK (n_ajoutes IS NULL OR n_ajoutes >= 0),
    n_mis_a_jour integer CHECK (n_mis_a_jour IS NULL OR n_mis_a_jour >= 0),
    n_anomalies integer CHECK (n_anomalies IS NULL OR n_anomalies >= 0)
);

CREATE TABLE osp.territoires (
    fid serial PRIMARY KEY,
    niveau text NOT NULL CHECK (niveau IN ('commune', 'epci', 'departement', 'bassin')),
    code text NOT NULL,
    nom text,
    epci text,
    dep text,
    geom geometry(MultiPolygon, 2154),
    UNIQUE (niveau, code)
);

CREATE TABLE osp.cites (
    fid serial PRIMARY KEY,
    id_cite integer NOT NULL UNIQUE,
    nom text,
    communes text,
    geom geometry(MultiPolygon, 2154)
);

CREATE TABLE osp.logements (
    fid serial PRIMARY KEY,
    id_osp integer UNIQUE,
    ident_rep text,
    ident_int text,
    idlocal text,
    idpar text,
    idcom text,
    dep text,
    epci text,
    intitule text,
    bailleur text,
    type_palu text,
    num_decision text,
    annee_financ integer,
    date_os date,
    date_fin date,
    dnvoiri text,
    dindic text,
    dvoilib text,
    idcomtxt text,
    cite_ini text,
    id_cite integer,
    nom_cite_1 text,
    l_id_cite text,
    info text,
    num_rpls_ini text,
    num_esti_ini text,
    geoloc_source text,
    geoloc_motif text,
    date_maj timestamp,
    statut text CHECK (statut IS NULL OR statut IN ('present', 'absent_dernier_envoi')),
    geom_import text,
    id_import integer REFERENCES osp.imports (id_import),
    version integer NOT NULL DEFAULT 1,
    geom geometry(Point, 2154)
);

CREATE TABLE osp.operations (
    fid serial PRIMARY KEY,
    id_op integer NOT NULL UNIQUE,
    nom text,
    bailleur text,
    epci text,
    communes text,
    cites text,
    annee_prog integer,
    type_prog text,
    statut text,
    b_nb_total integer,
    b_nb_c integer,
    b_nb_bbc integer,
    b_nb_bio integer,
    b_env_total double precision,
    b_env_c double precision,
    b_env_bbc double precision,
    b_obs text,
    b_perimetre text,
    b_report text,
    b_rehab_integree text,
    b_date_depot date,
    e_nb_total integer,
    e_nb_c integer,
    e_nb_bbc integer,
    e_nb_bio integer,
    e_env_total double precision,
    e_env_c double precision,
    e_env_bbc double precision,
    e_obs text,
    e_date_validite date,
    d_nb_total integer,
    d_nb_c integer,
    d_nb_bbc integer,
    d_nb_bio integer,
    d_env_total double precision,
    d_env_c double precision,
    d_env_bbc double precision,
    d_obs text,
    d_env_min double precision,
    d_env_max double precision,
    d_bonus_min double precision,
    d_bonus_max double precision,
    crhh_nb_valides integer,
    crhh_enveloppe double precision,
    crhh_date date,
    num_decision text,
    date_maj timestamp,
    maj_par text,
    version integer NOT NULL DEFAULT 1,
    geom geometry(MultiPolygon, 2154),
    CHECK (type_prog IS NULL OR type_prog IN ('annuelle', 'complementaire')),
    CHECK (statut IS NULL OR statut IN ('propose', 'prefleche', 'valide', 'reporte', 'annule'))
);

CREATE TABLE osp.avancement (
    fid serial PRIMARY KEY,
    id_note integer NOT NULL UNIQUE,
    id_op integer NOT NULL REFERENCES osp.operations (id_op) ON DELETE CASCADE,
    date date,
    role text,
    auteur text,
    texte text,
    statut text CHECK (statut IS NULL OR statut IN ('publie', 'brouillon'))
);

CREATE TABLE osp.anomalies (
    fid serial PRIMARY KEY,
    id_import integer REFERENCES osp.imports (id_import) ON DELETE CASCADE,
    id_osp integer,
    bailleur text,
    motif text NOT NULL,
    detail text,
    geom geometry(Point, 2154)
);

CREATE TABLE osp.audit (
    id_audit bigserial PRIMARY KEY,
    quand timestamptz NOT NULL DEFAULT clock_timestamp(),
    qui text NOT NULL DEFAULT session_user,
    table_nom text NOT NULL,
    action text NOT NULL CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
    cle integer,
    id_import integer,
    bailleur text,
    epci text,
    idcom text,
    avant jsonb,
    apres jsonb
);

CREATE INDEX logements_geom ON osp.logements USING gist (geom);
CREATE INDEX logements_bailleur ON osp.logements (bailleur);
CREATE INDEX logements_epci ON osp.logements (epci);
CREATE INDEX logements_idcom ON osp.logements (idcom);
CREATE INDEX logements_ident_rep ON osp.logements (ident_rep);
CREATE INDEX operations_geom ON osp.operations USING gist (geom);
CREATE INDEX operations_bailleur ON osp.operations (bailleur);
CREATE INDEX operations_epci ON osp.operations (epci);
CREATE INDEX avancement_id_op ON osp.avancement (id_op);
CREATE INDEX cites_geom ON osp.cites USING gist (geom);
CREATE INDEX territoires_geom ON osp.territoires USING gist (geom);
CREATE INDEX anomalies_import ON osp.anomalies (id_import);
CREATE INDEX audit_quand ON osp.audit (quand);
CREATE INDEX audit_cle ON osp.audit (table_nom, cle);
CREATE INDEX audit_bailleur ON osp.audit (bailleur);
CREATE INDEX audit_epci ON osp.audit (epci);
