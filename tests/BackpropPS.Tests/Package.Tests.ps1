# The installable package: the manifest has what the gallery needs, and the .nupkg that build.ps1 Package makes
# (through tools/Package/Package.psm1, the same function) installs with PSResourceGet from a local file repository
# into a fresh folder, imports in a new pwsh, runs the seed step, and goes away without a trace. Offline: only the
# local repository is ever named, and the module has no dependencies to resolve. PSResourceGet runs in child
# processes with a repository store of their own, so the user's store is never touched.

BeforeAll {
    $script:module = Get-Module -ListAvailable BackpropPS | Select-Object -First 1
    $script:manifestPath = Join-Path $module.ModuleBase 'BackpropPS.psd1'
    $script:root = Resolve-Path (Join-Path $PSScriptRoot '../..')
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has every field the gallery shows, non-empty' {
        $data = Import-PowerShellDataFile $manifestPath
        foreach ($field in 'Description', 'Author', 'CompanyName', 'Copyright') { $data[$field] | Should -Not -BeNullOrEmpty -Because $field }
        foreach ($field in 'LicenseUri', 'ProjectUri', 'Tags', 'ReleaseNotes') { $data.PrivateData.PSData[$field] | Should -Not -BeNullOrEmpty -Because $field }
        [uri]::IsWellFormedUriString($data.PrivateData.PSData.LicenseUri, 'Absolute') | Should -BeTrue
        [uri]::IsWellFormedUriString($data.PrivateData.PSData.ProjectUri, 'Absolute') | Should -BeTrue
    }

    It 'ships the MIT LICENSE in the module folder and lists it' {
        $license = Join-Path $module.ModuleBase 'LICENSE'
        $license | Should -Exist
        Get-Content -Raw $license | Should -Match 'MIT License'
        Get-Content -Raw $license | Should -Match 'Copyright \(c\) 2026 The BackpropPS authors'
        (Import-PowerShellDataFile $manifestPath).FileList | Should -Contain 'LICENSE'
    }
}

Describe 'The package' {
    BeforeAll {
        $script:work = Join-Path ([IO.Path]::GetTempPath()) ('BackpropPS-Package-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $work | Out-Null
        # A copy of the built module, so the test packs what the build made without touching out/.
        Copy-Item -Recurse $module.ModuleBase (Join-Path $work 'BackpropPS')
        # PSResourceGet keeps its repositories in a store under the user's data folder ($XDG_DATA_HOME on Linux) and
        # its NuGet a NuGet.Config under the config folder ($XDG_CONFIG_HOME): here folders that do not exist yet, as
        # ~/.local/share and ~/.config on a fresh machine. Where they are missing, the files go into the current
        # directory (a store once into the repository root, and it was committed): the child processes run in an
        # empty folder of their own, which must stay empty.
        $script:store = Join-Path $work 'data'
        $script:config = Join-Path $work 'config'
        $script:cwd = (New-Item -ItemType Directory -Path (Join-Path $work 'cwd')).FullName
        $script:inChild = {
            # Runs a script in a fresh pwsh (the dotnet host needs pwsh.dll first) with those folders, in that one.
            param([string] $Script, [string[]] $Arguments)
            $pwsh = [Environment]::ProcessPath
            $first = @(if ([IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [Reflection.Assembly]::GetEntryAssembly().Location })
            $saved = $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
            $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $store, $config
            Push-Location -LiteralPath $cwd
            try { & $pwsh @first -NoProfile -NonInteractive -File $Script @Arguments }
            finally { Pop-Location; $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved }
        }
        $publish = Join-Path $work 'publish.ps1'
        Set-Content -LiteralPath $publish -Value @'
param([string] $PackageModule, [string] $ModulePath, [string] $RepositoryPath)
$ErrorActionPreference = 'Stop'
Import-Module $PackageModule
$package = Publish-ModulePackage -ModulePath $ModulePath -RepositoryPath $RepositoryPath
[pscustomobject]@{ Package = $package.FullName; Repositories = @(Get-PSResourceRepository | ForEach-Object Name) } | ConvertTo-Json -Compress
'@
        $json = & $inChild $publish @('-PackageModule', (Join-Path $root 'tools/Package/Package.psm1'), '-ModulePath', (Join-Path $work 'BackpropPS'), '-RepositoryPath', (Join-Path $work 'repository'))
        if ($LASTEXITCODE -ne 0) { throw "Publish-ModulePackage failed: $($json -join "`n")" }
        $script:published = ($json | Select-Object -Last 1) | ConvertFrom-Json
        $script:package = Get-Item -LiteralPath $published.Package
    }
    AfterAll {
        if ($work -and (Test-Path $work)) { Remove-Item -Recurse -Force $work }
    }

    It 'is a .nupkg named after the module and its version, with the manifest, the DLLs and the LICENSE' {
        $version = (Import-PowerShellDataFile $manifestPath).ModuleVersion
        $package.Name | Should -Be "BackpropPS.$version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'BackpropPS.psd1'
        $entries | Should -Contain 'LICENSE'
        $entries | Should -Contain 'net8.0/BackpropPS.dll'
        $entries | Should -Contain 'netstandard2.0/BackpropPS.dll'
        $entries | Should -Contain 'en-US/BackpropPS.dll-Help.xml'
    }

    It 'leaves no repository registered for the publish behind' {
        $published.Repositories | Should -Not -BeNullOrEmpty -Because 'the store is read after the publish'
        @($published.Repositories | Where-Object { $_ -like 'BackpropPS-Build-*' }) | Should -BeNullOrEmpty
    }

    It 'keeps the repository store and NuGet''s settings in the user''s folders, made when missing, never in the current directory' {
        Get-ChildItem -Force -LiteralPath $cwd | Should -BeNullOrEmpty
        # XDG_DATA_HOME is where .NET looks on Linux; elsewhere the data folder always exists.
        if ($IsLinux) {
            Join-Path $store 'PSResourceGet/PSResourceRepository.xml' | Should -Exist
            Join-Path $config 'NuGet/NuGet.Config' | Should -Exist
        }
    }

    It 'installs (Save-PSResource) from the local repository into a fresh module path in a new pwsh, runs the seed step, and removes cleanly' {
        $installed = Join-Path $work 'installed'
        $child = Join-Path $work 'child.ps1'
        Set-Content -LiteralPath $child -Value @'
param([string] $Repository, [string] $Destination)
$ErrorActionPreference = 'Stop'
New-Item -ItemType Directory -Force -Path $Destination | Out-Null
$before = @(Get-PSResourceRepository | ForEach-Object Name)
$name = 'BackpropPS-Test-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
Register-PSResourceRepository -Name $name -Uri $Repository -Trusted
try {
    # Only the local repository is named, and there is nothing to resolve: nothing reaches the gallery.
    Save-PSResource -Name BackpropPS -Repository $name -Path $Destination -TrustRepository -SkipDependencyCheck
} finally { Unregister-PSResourceRepository -Name $name }
$after = @(Get-PSResourceRepository | ForEach-Object Name)
$env:PSModulePath = $Destination
Import-Module BackpropPS
$step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
[pscustomobject]@{
    ModuleBase = (Get-Module BackpropPS).ModuleBase; Loss = $step.Loss.ToString('R', [cultureinfo]::InvariantCulture)
    Before = $before -join ','; After = $after -join ','
} | ConvertTo-Json -Compress
'@
        $json = & $inChild $child @('-Repository', (Split-Path $package.FullName), '-Destination', $installed)
        $LASTEXITCODE | Should -Be 0 -Because ($json -join "`n")
        $result = ($json | Select-Object -Last 1) | ConvertFrom-Json
        $result.ModuleBase | Should -BeLike (Join-Path $installed 'BackpropPS*')
        [math]::Round([double]$result.Loss, 12) | Should -Be 0.298371108760
        # Uninstalled: the folder it was saved to goes, and nothing was put anywhere else.
        Remove-Item -Recurse -Force $installed
        $installed | Should -Not -Exist
        $result.After | Should -Be $result.Before
        Get-ChildItem -Force -LiteralPath $cwd | Should -BeNullOrEmpty
    }
}
