#Requires -Version 7.2
<#
    HelpBuilder: turns platyPS 2.0.0-schema markdown into the files Get-Help reads
    (MAML external help XML and about_*.help.txt), without needing platyPS itself.

    Flow: markdown file -> lines -> front matter + flat list of blocks (heading, code,
    paragraph) -> sections -> page model -> bytes in memory -> atomic file write.
    Every output is produced in memory first, so a bad page never leaves a half-written file.

    This file only loads the parts: Private/ holds one step of the flow per file,
    Public/ one file per exported command, named after it.
#>
Set-StrictMode -Version 3.0

$privateParts = 'Errors', 'Files', 'Markdown', 'CmdletPage', 'CmdletParameters', 'MamlWriter', 'AboutWriter', 'Conversion'
$publicFunctions = 'ConvertTo-MamlHelp', 'ConvertTo-AboutHelpText', 'Build-ModuleHelp'

# Dot-sourced so the functions and $script: constants land in the module scope. try/catch
# because a missing or broken part would otherwise only write an error and import half a module.
$parts = @($privateParts | ForEach-Object { "Private/$_.ps1" }) + @($publicFunctions | ForEach-Object { "Public/$_.ps1" })
foreach ($part in $parts) {
    try { . ([System.IO.Path]::Combine($PSScriptRoot, $part)) }
    catch { throw }
}

Export-ModuleMember -Function $publicFunctions
