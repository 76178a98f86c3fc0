; Inno Setup script: per-user install of the PyInstaller folder (no admin rights).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
[Setup]
AppName=Trove
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\Trove
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=trove-setup
DisableProgramGroupPage=yes
[Files]
Source: "..\..\dist\trove\*"; DestDir: "{app}"; Flags: recursesubdirs
[Icons]
Name: "{userprograms}\Trove"; Filename: "{app}\trove.exe"
[Run]
Filename: "{app}\trove.exe"; Description: "Start Trove"; Flags: nowait postinstall skipifsilent
