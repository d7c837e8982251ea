-- OSP ERBM shared base, 007: what the web publication reads (osp:publier, QGIS Server).
-- The dwellings and the operations, each row with the groups that may see it
-- (acces_lizmap: the partners' groups of its landlord and of its EPCI, from
-- osp.partenaires): Lizmap's « filtre par login » can be switched on without touching the
-- data.  QGIS Server reads them as a State reader (osp_lecteur) and its access-control
-- plugin filters per partner; the views run with the rights of who reads them
-- (security_invoker): a partner reading them directly still sees only its rows.

CREATE VIEW osp.logements_publication WITH (security_invoker = true) AS
SELECT l.*,
       (SELECT string_agg(DISTINCT p.role, ',' ORDER BY p.role) FROM osp.partenaires p
        WHERE (p.type = 'bailleur' AND p.code = l.bailleur)
           OR (p.type = 'epci' AND p.code = l.epci)) AS acces_lizmap
FROM osp.logements l;

CREATE VIEW osp.operations_publication WITH (security_invoker = true) AS
SELECT o.*,
       (SELECT string_agg(DISTINCT p.role, ',' ORDER BY p.role) FROM osp.partenaires p
        WHERE (p.type = 'bailleur' AND p.code = o.bailleur)
           OR (p.type = 'epci' AND p.code = o.epci)) AS acces_lizmap
FROM osp.operations o;

GRANT SELECT ON osp.logements_publication, osp.operations_publication
    TO osp_admin, osp_lecteur;
