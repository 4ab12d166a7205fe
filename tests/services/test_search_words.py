"""Search finds what people type: words joined or split, shop shorthand, aliases, any length of text."""

from kkmp_pos.core.text import index_words, joined_key
from kkmp_pos.db.migrations import _v12
from kkmp_pos.db.models import ProductModel, ProductWordModel
from kkmp_pos.services.stock.products import ProductSpec


def names(till, text: str) -> list[str]:
    return [item.name for item in till.catalog.search(text)]


def test_the_index_holds_joined_words_squeezed_runs_and_skeletons():
    words = index_words("Minyak Kita 1 L", "Gula Pasir")
    assert {"minyak", "kita", "~minyakita1l", "~gulapasir", "#psr", "#mnyk"} <= words
    assert not any(w.startswith(("ps", "mn")) for w in words)  # plain prefixes read no extra rows
    assert joined_key("minyak  kita") == joined_key("MinyaKita") == "minyakita"


def test_words_typed_apart_find_a_name_written_as_one(till):
    assert "MinyaKita 1 L" in names(till, "minyak kita")
    assert "MinyaKita 1 L" in names(till, "MINYAK KITA 1")


def test_a_name_typed_as_one_word_finds_one_written_as_two(till, manager):
    till.products.create(ProductSpec(code="MKX", name="Minyak Kita Curah", regular_price_rp=15000), manager)
    assert "Minyak Kita Curah" in names(till, "minyakita")
    assert "Minyak Kita Curah" in names(till, "minyakkita cur")


def test_shorthand_without_vowels_finds_the_product(till):
    assert set(names(till, "gula psr")) == {"Gula Pasir 1 kg", "Gula Pasir Curah"}
    assert "Indomie Goreng 85 g" in names(till, "indm grng")


def test_an_alias_a_manager_gives_finds_the_product_and_travels_in_its_event(till, manager):
    product = ProductModel.get(ProductModel.code == "MIG")
    assert names(till, "mi goreng ayam") == []
    spec = till.products.spec_of(product.id)
    spec.aliases = "mi goreng ayam,  migor ;"
    till.products.save(product.id, spec, manager)
    assert ProductModel.get_by_id(product.id).aliases == "mi goreng ayam, migor"
    assert "Indomie Goreng 85 g" in names(till, "mi goreng ayam")
    assert "Indomie Goreng 85 g" in names(till, "migor")
    from kkmp_pos.services.stock.products import product_payload

    assert product_payload(ProductModel.get_by_id(product.id))["aliases"] == "mi goreng ayam, migor"


def test_step_12_rebuilds_the_word_index_in_the_new_form(till):
    ProductWordModel.delete().execute()
    ProductModel._meta.database.execute_sql('ALTER TABLE "product" DROP COLUMN "aliases"')
    _v12(ProductModel._meta.database)
    assert "MinyaKita 1 L" in names(till, "minyak kita")
    assert "Gula Pasir 1 kg" in names(till, "gl psr")


def test_search_text_of_any_length_gets_an_answer(till):
    huge = "minyak " * 20_000
    assert isinstance(names(till, huge), list)
    assert till.members.search("a" * 100_000) == []
    assert till.members.search("%_" * 50_000) == []
    assert till.products.browse("x" * 100_000) == []


def test_the_server_keeps_a_products_aliases_in_its_feed_row():
    from kkmp_pos.server.product_rows import product_data

    assert product_data({"name": "Indomie Goreng", "aliases": "migor"}, "p1", "MIG")["aliases"] == "migor"
    assert "aliases" not in product_data({"name": "Indomie Goreng"}, "p1", "MIG")  # the till keeps its own


def test_step_12_replaces_the_old_default_footer_but_keeps_a_shops_own(till):
    import json

    from kkmp_pos.db.models import SettingModel

    old = ["Terima kasih atas kunjungan Anda", "Barang yang sudah dibeli tidak dapat ditukar"]
    SettingModel.insert(key="receipt.footer", value=json.dumps(old)).on_conflict_replace().execute()
    ProductModel._meta.database.execute_sql('ALTER TABLE "product" DROP COLUMN "aliases"')
    _v12(ProductModel._meta.database)
    footer = json.loads(SettingModel.get_by_id("receipt.footer").value)
    assert footer[0] == old[0] and "tidak dapat ditukar" not in footer[1]
