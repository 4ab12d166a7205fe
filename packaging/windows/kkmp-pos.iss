; Inno Setup script for the KKMP POS till (Inno Setup 6).
; Installs the PyInstaller one-folder build (dist\kkmp-pos) per machine under Program Files, with
; Start-menu and desktop shortcuts and a "Toko demo" shortcut (--demo). The shop's data lives in each
; user's %LOCALAPPDATA%\kkmp-pos, which the app creates and this installer never touches: an uninstall
; removes the program only, so the database, backups and logs stay for a reinstall.
;
; Built by packaging\windows\build.ps1; by hand (from this folder, after the PyInstaller build):
;   iscc /DAppVersion=0.1.0 kkmp-pos.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
; The PyInstaller output folder (its name is APP_NAME in packaging\kkmp-pos.spec).
#ifndef DistDir
  #define DistDir "..\..\dist\kkmp-pos"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\installer"
#endif
#define AppName "KKMP POS"
#define AppExe "kkmp-pos.exe"

[Setup]
; Keep this AppId for every release: it is how an upgrade finds the installed copy.
AppId={{6F1B7C1E-4E0B-4C57-9C53-2D9A1F6B8E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KKMP POS
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=kkmp-pos-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\kkmp-pos.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The till may be running during an upgrade: ask Windows to close it.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Buat ikon di desktop (create desktop shortcuts)"; GroupDescription: "Ikon tambahan:"

[InstallDelete]
; An upgrade replaces the program's files whole, so no library of an older build is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName} - Toko demo"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "Toko latihan: tidak menyentuh data toko yang asli"
Name: "{group}\Hapus {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{autodesktop}\{#AppName} - Toko demo"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; runasoriginaluser: the first start must create the data folder of the cashier's account, not the
; administrator's that ran the installer.
Filename: "{app}\{#AppExe}"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent runasoriginaluser

; No [UninstallDelete] entry for {localappdata}\kkmp-pos: the shop's data is kept on uninstall.
