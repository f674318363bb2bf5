; Inno Setup script for the Windows installer (Inno Setup 6).
; Build the program folder first on Windows:  py packaging\build.py
; then:                                        iscc packaging\windows\sakae_council.iss
; Result: dist\installer\sakae-council-setup-<version>.exe
;
; Installs per user (no administrator rights needed on a town laptop) into
; %LOCALAPPDATA%\Programs\SakaeCouncil. The user's data lives elsewhere (%LOCALAPPDATA%\SakaeTown\sakae_council)
; and is never touched by installing, updating or uninstalling.

#define AppName "栄町 まちづくり協議会"
; `iscc /DAppVersion=1.2.3 ...` overrides the version.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "sakae-council.exe"
#define BuildDir "..\..\dist\sakae_council"

[Setup]
; Keep AppId the same for every release: it is how updates find the installed copy.
AppId={{6C1E0D64-4F5B-4C1E-9C4A-5A6B7E2D9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=栄町
DefaultDirName={autopf}\SakaeCouncil
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=sakae-council-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\sakae_council.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
