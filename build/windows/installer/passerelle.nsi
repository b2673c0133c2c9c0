; Passerelle's Windows installer (NSIS 3, makensis from Debian's nsis). Built by scripts/dist.sh:
;   makensis -DVERSION=… -DEXE=…\passerelle.exe -DICON=…\passerelle.ico -DOFL=…\OFL.txt
;            -DOUTFILE=…\passerelle-VERSION-setup.exe passerelle.nsi
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\Passerelle,
; every registry key under HKCU. Portfolios and backups live in the learner's data folder, never
; in the program folder, and the uninstaller removes only the files it installed.
; Silent mode: setup.exe /S installs, uninstall.exe /S removes (tested under Wine by
; scripts/installer-test.sh). This file is UTF-8 (makensis -INPUTCHARSET UTF8).

Unicode true
Target amd64-unicode
SetCompressor /SOLID /FINAL lzma
SetCompressorDictSize 32
RequestExecutionLevel user
ManifestDPIAware true
ManifestSupportedOS all

!ifndef VERSION | EXE | ICON | OFL | OUTFILE
  !error "define VERSION, EXE, ICON, OFL and OUTFILE (scripts/dist.sh does)"
!endif

!define APP "Passerelle"
!define PROGID "Passerelle.Portfolio"
!define EXT ".passerelle"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Passerelle"
!define APP_KEY "Software\Passerelle"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Passerelle"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\passerelle.exe"
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback; otherwise NSIS picks the one of Windows' display language.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

LangString FileTypeName ${LANG_ENGLISH} "Passerelle portfolio"
LangString FileTypeName ${LANG_FRENCH} "Portfolio Passerelle"
LangString ShortcutDescription ${LANG_ENGLISH} "Your prior learning, credentials and evidence, and your PLAR portfolio"
LangString ShortcutDescription ${LANG_FRENCH} "Vos acquis, vos microcertifications, vos preuves et votre portfolio de RAC"
LangString WelcomeText ${LANG_ENGLISH} "Passerelle will be installed for you only, in your own folders: no administrator password is needed, and nothing is downloaded.$\r$\n$\r$\nYour portfolios stay in your own folders, even if you uninstall Passerelle one day.$\r$\n$\r$\nClick Next to continue."
LangString WelcomeText ${LANG_FRENCH} "Passerelle sera installé pour vous seulement, dans vos propres dossiers : aucun mot de passe d’administrateur n’est nécessaire, et rien n’est téléchargé.$\r$\n$\r$\nVos portfolios restent dans vos propres dossiers, même si vous désinstallez Passerelle un jour.$\r$\n$\r$\nCliquez sur Suivant pour continuer."
LangString KeptData ${LANG_ENGLISH} "Your portfolios and backups are kept; they are in your own folders, not in the program folder."
LangString KeptData ${LANG_FRENCH} "Vos portfolios et vos copies de sauvegarde sont conservés : ils sont dans vos propres dossiers, pas dans celui du programme."

Section "Passerelle" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "/oname=passerelle.exe" "${EXE}"
  File "/oname=passerelle.ico" "${ICON}"
  File "/oname=OFL.txt" "${OFL}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu, for this user only (RequestExecutionLevel user keeps $SMPROGRAMS per user).
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\passerelle.exe" "" "$INSTDIR\passerelle.ico" 0 SW_SHOWNORMAL "" "$(ShortcutDescription)"

  ; .passerelle files open in Passerelle when double-clicked: passerelle.exe FILE opens that portfolio.
  WriteRegStr HKCU "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${EXT}" "Content Type" "application/x-passerelle"
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\passerelle.ico,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\passerelle.exe" "%1"'

  ; Add/Remove Programs (Settings > Apps), for this user.
  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\passerelle.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  ; SHCNE_ASSOCCHANGED: Explorer shows the new file type and icon without a restart.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  ; Only what the installer put there: never RMDir /r, so a portfolio someone saved into the
  ; program folder by mistake stays, and so does the folder holding it.
  Delete "$INSTDIR\passerelle.exe"
  Delete "$INSTDIR\passerelle.ico"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}.lnk"

  ; The file type: ours goes; .passerelle keeps another program's association if it has one.
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\${EXT}" ""
  StrCmp $0 "${PROGID}" 0 +3
    DeleteRegValue HKCU "Software\Classes\${EXT}" ""
    DeleteRegValue HKCU "Software\Classes\${EXT}" "Content Type"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXT}"

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DetailPrint "$(KeptData)"
SectionEnd
