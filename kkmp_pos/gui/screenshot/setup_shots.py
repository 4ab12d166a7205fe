"""First run and settings in `screenshot --all`: the setup wizard, the settings tabs, the printer search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kkmp_pos.gui.screenshot.catalog import Stage, shot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SETUP = "kkmp_pos.gui.setup"


def _wizard(stage: Stage, index: int) -> QWidget:
    """The wizard where a new shop sees it: in the main window, before the login."""
    stage.window.show_wizard()  # type: ignore[attr-defined]
    wizard = stage.window.wizard  # type: ignore[attr-defined]
    wizard.actor = stage.shop.admin  # as after the admin step: the QRIS step needs a manager
    wizard.go_to(index)
    return stage.window


@shot("setup_wizard_screen", f"{SETUP}.setup_wizard_screen:SetupWizardScreen")
def _wizard_shop(stage: Stage) -> QWidget:
    return _wizard(stage, 0)


@shot("setup_wizard_screen_admin", f"{SETUP}.setup_wizard_screen:SetupWizardScreen")
def _wizard_admin(stage: Stage) -> QWidget:
    return _wizard(stage, 1)


@shot("setup_wizard_screen_printer", f"{SETUP}.setup_wizard_screen:SetupWizardScreen")
def _wizard_printer(stage: Stage) -> QWidget:
    return _wizard(stage, 2)


@shot("setup_wizard_screen_qris", f"{SETUP}.setup_wizard_screen:SetupWizardScreen")
def _wizard_qris(stage: Stage) -> QWidget:
    return _wizard(stage, 3)


@shot("setup_wizard_screen_server", f"{SETUP}.setup_wizard_screen:SetupWizardScreen")
def _wizard_server(stage: Stage) -> QWidget:
    return _wizard(stage, 4)


@shot("settings_screen", f"{SETUP}.settings_screen:SettingsScreen")
def _settings(stage: Stage) -> QWidget:
    from kkmp_pos.gui.main_menu import _settings

    return _settings(stage.window, stage.till, stage.shop.manager)


def _settings_tab(stage: Stage, index: int) -> QWidget:
    from kkmp_pos.gui.main_menu import _settings

    screen = _settings(stage.window, stage.till, stage.shop.manager)
    screen.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
    return screen


@shot("settings_screen_receipt", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_receipt(stage: Stage) -> QWidget:
    return _settings_tab(stage, 1)


@shot("settings_screen_cash_vat", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_cash_vat(stage: Stage) -> QWidget:
    return _settings_tab(stage, 2)


@shot("settings_screen_qris", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_qris(stage: Stage) -> QWidget:
    return _settings_tab(stage, 3)


@shot("settings_screen_printer", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_printer(stage: Stage) -> QWidget:
    return _settings_tab(stage, 4)


@shot("settings_screen_limits", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_limits(stage: Stage) -> QWidget:
    return _settings_tab(stage, 5)


@shot("settings_screen_shift", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_shift(stage: Stage) -> QWidget:
    return _settings_tab(stage, 6)


@shot("settings_screen_data_server", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_data_server(stage: Stage) -> QWidget:
    return _settings_tab(stage, 7)


@shot("settings_screen_clock_backup", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_clock_backup(stage: Stage) -> QWidget:
    return _settings_tab(stage, 8)


@shot("settings_screen_language", f"{SETUP}.settings_screen:SettingsScreen")
def _settings_language(stage: Stage) -> QWidget:
    return _settings_tab(stage, 9)


@shot("printer_search_dialog", "kkmp_pos.gui.printing.printer_search_dialog:PrinterSearchDialog")
def _printer_search(stage: Stage) -> QWidget:
    from kkmp_pos.gui.printing.printer_search_dialog import PrinterSearchDialog

    dialog = PrinterSearchDialog(stage.window, loopback_only=True)
    dialog.open()
    return dialog
