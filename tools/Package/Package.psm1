<#
.SYNOPSIS
    Packs a built module folder into a .nupkg the PowerShell way: Publish-PSResource to a local file repository.

.DESCRIPTION
    build.ps1 Package and tests/BackpropPS.Tests/Package.Tests.ps1 both call Publish-ModulePackage, so the
    test checks exactly what the Package task makes. Publish-PSResource needs a registered repository, and
    PSResourceGet keeps its repositories in one per-user file (PSResourceRepository.xml); the repository is
    registered under a name of its own for the publish only and unregistered afterwards, so the user's
    repositories are as they were. Nothing reaches the PowerShell Gallery: the module has no RequiredModules
    and the publish names the local repository.

    PSResourceGet finds that file under the user's data folder (LocalApplicationData: $XDG_DATA_HOME or
    ~/.local/share on Linux), and the NuGet inside it writes a NuGet/NuGet.Config under the user's config folder
    (ApplicationData: $XDG_CONFIG_HOME or ~/.config). Where such a folder does not exist yet, as on a fresh
    machine, .NET gives an empty path and the file goes into the current directory instead: the repository root,
    where a PSResourceGet/PSResourceRepository.xml was once committed. Both folders are made before PSResourceGet
    first looks for them.
#>

Set-StrictMode -Version 3.0

function Publish-ModulePackage {
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        # The built module folder (out/BackpropPS): its manifest is the package's metadata.
        [Parameter(Mandatory)] [string] $ModulePath,
        # The local file repository (a folder) the .nupkg is written into; created when missing.
        [Parameter(Mandatory)] [string] $RepositoryPath
    )
    $ErrorActionPreference = 'Stop'
    foreach ($folder in 'LocalApplicationData', 'ApplicationData') { $null = [Environment]::GetFolderPath($folder, 'Create') }
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop -Verbose:$false

    $ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
    $manifestPath = Get-ChildItem -LiteralPath $ModulePath -Filter '*.psd1' | Select-Object -First 1
    if (-not $manifestPath) { throw "No module manifest in $ModulePath." }
    $name = $manifestPath.BaseName
    $version = (Import-PowerShellDataFile -LiteralPath $manifestPath.FullName).ModuleVersion

    New-Item -ItemType Directory -Force -Path $RepositoryPath | Out-Null
    $RepositoryPath = (Resolve-Path -LiteralPath $RepositoryPath).ProviderPath
    # A package of the same version is replaced, as a rebuild should.
    Get-ChildItem -LiteralPath $RepositoryPath -Filter "$name.$version.nupkg" | Remove-Item -Force

    $repository = "$name-Build-" + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $RepositoryPath -Trusted
    try {
        Publish-PSResource -Path $ModulePath -Repository $repository -SkipDependenciesCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $package = Join-Path $RepositoryPath "$name.$version.nupkg"
    if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource wrote no $name.$version.nupkg into $RepositoryPath." }
    Get-Item -LiteralPath $package
}

Export-ModuleMember -Function Publish-ModulePackage
