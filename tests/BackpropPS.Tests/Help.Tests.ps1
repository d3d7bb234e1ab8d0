# Help drift checks: every cmdlet has a page, the pages document exactly the parameters the cmdlets
# have, every example in every page (and in the README) runs, and Get-Help shows it all in the shell.
BeforeDiscovery {
    Import-Module BackpropPS -Force
    $docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:commands = @(Get-Command -Module BackpropPS -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
    $script:pages = @(Get-ChildItem $docs -Filter '*-*.md' | ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } })

    # Each example is one ```powershell block under ## EXAMPLES: `PS> ` starts a command, `>> ` continues
    # it, and every other line is output it prints.
    function Get-Example([string] $Path) {
        $lines = Get-Content -LiteralPath $Path
        $start = [array]::IndexOf($lines, '## EXAMPLES')
        $end = [array]::IndexOf($lines, '## PARAMETERS')
        $title = $null; $inCode = $false; $code = $null
        for ($i = $start + 1; $i -lt $end; $i++) {
            $line = $lines[$i]
            if ($line -like '### *') { $title = $line.Substring(4) }
            elseif ($line.StartsWith('```powershell')) { $inCode = $true; $code = [System.Collections.Generic.List[string]]::new() }
            elseif ($inCode -and $line -eq '```') {
                $inCode = $false
                @{ Page = [IO.Path]::GetFileNameWithoutExtension($Path); Title = $title; Lines = $code.ToArray() }
            }
            elseif ($inCode) { $code.Add($line) }
        }
    }
    $script:examples = @($pages | ForEach-Object { Get-Example $_.Path })
}

BeforeAll {
    Import-Module BackpropPS -Force
    $script:docs = Join-Path $PSScriptRoot '../../docs/en-US'
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    # The ### -Name sections of a page's PARAMETERS with their yaml fields.
    function script:Get-DocumentedParameter([string] $Path) {
        $text = Get-Content -Raw -LiteralPath $Path
        $section = ($text -split '(?m)^## PARAMETERS\s*$')[1] -split '(?m)^## ' | Select-Object -First 1
        foreach ($match in [regex]::Matches($section, '(?ms)^### -(?<name>\S+)\s*$(?<body>.*?)(?=^### |\z)')) {
            $yaml = @{}
            foreach ($field in [regex]::Matches($match.Groups['body'].Value, '(?m)^(?<key>[A-Za-z ]+): ?(?<value>.*)$')) {
                $yaml[$field.Groups['key'].Value] = $field.Groups['value'].Value.Trim()
            }
            [pscustomobject]@{ Name = $match.Groups['name'].Value; Yaml = $yaml; Description = ($match.Groups['body'].Value -split '```')[0].Trim() }
        }
    }

    # Runs an example's commands in an empty folder; an error must be one the example shows.
    function script:Invoke-Example([string[]] $Lines) {
        $commands = ($Lines | Where-Object { $_ -match '^(PS|>)> ' } | ForEach-Object { $_ -replace '^(PS> |>> )', '' }) -join "`n"
        $shown = ($Lines | Where-Object { $_ -notmatch '^(PS|>)> ' }) -join "`n"
        $folder = Join-Path $TestDrive ([guid]::NewGuid())
        New-Item -ItemType Directory -Path $folder | Out-Null
        Push-Location $folder
        try {
            $errors = @()
            $null = & ([scriptblock]::Create($commands)) 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors += $_ } }
            foreach ($e in $errors) { $shown | Should -Match ([regex]::Escape(($e.FullyQualifiedErrorId -split ',')[0])) -Because "the example failed: $e" }
        }
        finally { Pop-Location }
        $commands
    }
}

Describe 'Every cmdlet has a help page: <Name>' -ForEach $commands {
    It 'has docs/en-US/<Name>.md' {
        Join-Path $docs "$Name.md" | Should -Exist
    }

    It 'documents exactly the parameters <Name> has, with their aliases and whether they are required' {
        $command = Get-Command $Name
        $documented = @(Get-DocumentedParameter (Join-Path $docs "$Name.md") | Where-Object Name -ne 'CommonParameters')
        $actual = @($command.Parameters.Values | Where-Object Name -notin $common)
        ($documented.Name | Sort-Object) | Should -Be ($actual.Name | Sort-Object)
        foreach ($parameter in $actual) {
            $page = $documented | Where-Object Name -eq $parameter.Name
            $page.Description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            # platyPS writes no aliases as an empty field; 'None' reads the same.
            $aliases = if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'None' }
            $written = if ($page.Yaml['Aliases']) { $page.Yaml['Aliases'] } else { 'None' }
            $written | Should -Be $aliases -Because "the aliases of -$($parameter.Name)"
            $mandatory = @($parameter.ParameterSets.Values.IsMandatory) -contains $true
            ($page.Yaml['Required'] -match 'True') | Should -Be $mandatory -Because "whether -$($parameter.Name) is required"
        }
    }

    It 'shows a synopsis, every parameter and an example in Get-Help -Full' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeLike "$Name *" -Because 'a missing MAML falls back to the syntax as synopsis'
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($parameter in (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }) {
            ($help.parameters.parameter | Where-Object name -eq $parameter).description | Should -Not -BeNullOrEmpty -Because "-$parameter in Get-Help"
        }
    }
}

Describe 'No page for a cmdlet that does not exist: <Name>' -ForEach $pages {
    It 'names an exported cmdlet' {
        Get-Command -Module BackpropPS -Name $Name -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help examples run: <Page>, <Title>' -ForEach $examples {
    It 'runs in a fresh folder' {
        Invoke-Example $Lines | Should -Not -BeNullOrEmpty -Because 'an example needs at least one PS> command'
    }
}

Describe 'About topics' {
    It 'Get-Help about_BackpropPS shows the concepts' {
        $text = Get-Help about_BackpropPS | Out-String
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'forward pass'
    }

    It 'Get-Help about_BackpropPS_NetworkFile describes the file format' {
        Get-Help about_BackpropPS_NetworkFile | Out-String | Should -Match 'BackpropPS.Network'
    }
}

Describe 'The README tour' {
    It 'runs line by line' {
        $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
        $blocks = [regex]::Matches($readme, '(?ms)^```powershell\s*$(?<code>.*?)^```') | ForEach-Object { $_.Groups['code'].Value }
        $blocks.Count | Should -BeGreaterThan 0
        foreach ($block in $blocks) {
            # The tour imports the module from out/; here it is already imported from there.
            $lines = $block -split "`n" | Where-Object { $_ -notmatch '^\s*Import-Module \./out/BackpropPS' -and $_.Trim() } | ForEach-Object { "PS> $_" }
            Invoke-Example $lines | Should -Not -BeNullOrEmpty
        }
    }
}
