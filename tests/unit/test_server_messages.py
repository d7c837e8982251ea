"""Issue 26, point 5: the shared base's refusals in French, naming the table and column
(the messages are PostgreSQL 15's own, as the server words them)."""
from osp_qgis.base_partagee.server_messages import french


def test_privileges_and_row_security():
    assert french("42501", "permission denied for table operations") == (
        "Droit refusé par la base : votre rôle n'a pas ce droit sur la table « operations » "
        "(lecture d'une colonne réservée, ou modification d'une table en lecture seule pour "
        "lui).")
    text = french("42501", "ERROR:  permission denied for column e_obs of relation operations")
    assert "« e_obs »" in text and "« operations »" in text
    assert "« osp »" in french("42501", "permission denied for schema osp")
    assert "« logements »" in french("42501", 'new row violates row-level security policy for '
                                              'table "logements"')


def test_constraints_and_missing_objects():
    assert french("23505", 'duplicate key value violates unique constraint "operations_id_op_key"',
                  "Key (id_op)=(12) already exists.") == (
        "Valeur déjà présente dans la base : id_op = 12 (une autre ligne l'a déjà).")
    assert french("23514", 'new row for relation "operations" violates check constraint '
                           '"operations_b_nb_c_formulaire"', "",
                  {"operations_b_nb_c_formulaire": "C + BBC = total."}) == "C + BBC = total."
    assert "« nom »" in french("23502", 'null value in column "nom" of relation "operations" '
                                        'violates not-null constraint')
    assert "« osp.logements »" in french("42P01", 'relation "osp.logements" does not exist')


def test_the_osps_own_french_messages_are_kept():
    message = "Modification refusée : la colonne « crhh_enveloppe » de l'opération 1 …"
    assert french("42501", message) == message
