<#
.SYNOPSIS
  Build the KKMP POS Windows installer: a venv, the PyInstaller one-folder build, then Inno Setup.

.DESCRIPTION
  Run from anywhere:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
  Needs the Python launcher (py) with Python 3.11+ (64-bit) and Inno Setup 6 (iscc.exe on PATH or in
  its default folder). Output: dist\kkmp-pos\ (the program folder, kkmp-pos.exe + kkmp-pos-cli.exe)
  and dist\installer\kkmp-pos-setup-VERSION.exe. Build files go to build\ (both ignored by git).
#>
param(
    [string]$PythonVersion = "3.12",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$Venv = Join-Path $Root "build\venv"
$Py = Join-Path $Venv "Scripts\python.exe"
Set-Location $Root

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

if (-not (Test-Path $Py)) {
    Write-Host "Creating the build venv in $Venv"
    Invoke-Checked "venv" { py "-$PythonVersion" -m venv $Venv }
}
# The till and its run-time dependencies only (no [server], no [test]), plus PyInstaller.
Invoke-Checked "pip upgrade" { & $Py -m pip install --upgrade pip }
Invoke-Checked "pip install" { & $Py -m pip install -e $Root pyinstaller }

$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
Write-Host "Building KKMP POS $Version"

Invoke-Checked "PyInstaller" {
    & $Py -m PyInstaller --noconfirm --clean `
        --distpath (Join-Path $Root "dist") --workpath (Join-Path $Root "build\pyinstaller") `
        (Join-Path $Root "packaging\kkmp-pos.spec")
}

# The build must start and find its data: the console twin checks a throwaway demo shop.
$Check = Join-Path $Root "build\smoke-data"
if (Test-Path $Check) { Remove-Item -Recurse -Force $Check }
$Cli = Join-Path $Root "dist\kkmp-pos\kkmp-pos-cli.exe"
Invoke-Checked "smoke test (screenshot)" { & $Cli --data-dir $Check --demo screenshot (Join-Path $Root "build\smoke.png") }
Invoke-Checked "smoke test (db check)" { & $Cli --data-dir $Check db check }

if ($SkipInstaller) { return }

$Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) {
    $Iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it, or run with -SkipInstaller" }

Invoke-Checked "Inno Setup" {
    & $Iscc "/DAppVersion=$Version" "/DDistDir=$(Join-Path $Root 'dist\kkmp-pos')" `
        "/DOutputDir=$(Join-Path $Root 'dist\installer')" (Join-Path $PSScriptRoot "kkmp-pos.iss")
}
Write-Host "Installer: dist\installer\kkmp-pos-setup-$Version.exe"
