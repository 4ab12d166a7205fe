"""The judge of `screenshot --all` sees what does not fit: a window taller than the screen, a control
pushed outside, two controls on top of each other."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kkmp_pos.gui.screenshot.fit import fit_problems, parse_size


def test_a_window_taller_than_the_screen_does_not_fit(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 919)
    problems = fit_problems(window, parse_size("1366x768"))
    assert problems and "919" in problems[0]


def test_overlapping_and_outside_controls_are_named(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 200)
    keypad = QPushButton("7", window)
    keypad.setGeometry(10, 10, 100, 60)
    error = QLabel("NIK tidak sah", window)
    error.setGeometry(10, 50, 200, 30)
    off = QPushButton("Bayar", window)
    off.setGeometry(250, 180, 100, 40)
    window.show()
    problems = fit_problems(window, parse_size("1024x768"))
    assert any("overlaps" in p and "NIK tidak sah" in p for p in problems)
    assert any("outside the window" in p and "Bayar" in p for p in problems)


def test_a_laid_out_window_fits(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("Satu", "Dua", "Tiga"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert fit_problems(window, parse_size("1024x768")) == []


def test_words_cut_off_in_a_narrow_button_are_seen(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(300, 100)
    button = QPushButton("Diskon/harga  [Ctrl+D]", window)
    button.setGeometry(10, 10, 60, 48)
    window.show()
    problems = fit_problems(window, parse_size("1024x768"))
    assert any("cut off" in p and "Diskon/harga" in p for p in problems)


def test_a_form_in_a_scroll_area_does_not_fit(qtbot):
    from PySide6.QtWidgets import QScrollArea

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    scroll = QScrollArea()
    scroll.setWidget(QLabel("Nama toko"))
    layout.addWidget(scroll)
    window.show()
    assert any("scrolls" in p for p in fit_problems(window, parse_size("1024x768")))
