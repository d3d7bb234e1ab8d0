# File system access: resolving input paths and writing outputs without leaving half-written files.

function Resolve-InputFile {
    param([string]$Path)
    if (-not (Test-Path -Path $Path -PathType Leaf)) {
        throw [System.IO.FileNotFoundException]::new("Markdown file not found: '$Path'.")
    }
    (Resolve-Path -Path $Path).ProviderPath   # may be several files when $Path has wildcards
}

# Temp file in the target folder + rename, so readers see the old file or the new one, never half.
function Write-FileAtomically {
    param([string]$Path, [byte[]]$Bytes)
    $dir = [System.IO.Path]::GetDirectoryName($Path)
    [void][System.IO.Directory]::CreateDirectory($dir)
    $tempName = '.{0}.{1}.tmp' -f [System.IO.Path]::GetFileName($Path), [guid]::NewGuid().ToString('N')
    $temp = [System.IO.Path]::Combine($dir, $tempName)
    try {
        [System.IO.File]::WriteAllBytes($temp, $Bytes)
        [System.IO.File]::Move($temp, $Path, $true)
    }
    finally {
        if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
    }
    $Path
}
