# Markdown files -> output bytes, shared by the public commands. Nothing here writes a file,
# so callers can convert every page before writing any.

function Get-MamlBytesFromFiles {
    param([string[]]$Files)
    $commands = foreach ($file in $Files) {
        $document = Read-MarkdownDocument $file
        if (Test-CmdletPage $document) { Read-CmdletPage $document }
        else { Write-Verbose "Skipping '$file': not a cmdlet page." }
    }
    if (-not $commands) {
        throw [System.IO.InvalidDataException]::new("None of the given markdown files is a cmdlet page: $($Files -join ', ').")
    }
    ConvertTo-MamlBytes @($commands)
}

function Get-AboutBytesFromFile {
    param([string]$File)
    , [System.Text.UTF8Encoding]::new($false).GetBytes((ConvertTo-AboutText (Read-MarkdownDocument $File)))
}
