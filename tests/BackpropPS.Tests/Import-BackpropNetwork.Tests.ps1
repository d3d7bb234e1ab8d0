# Import-BackpropNetwork: strict JSON only (what a lenient reader would take is InvalidNetworkFile, naming the field), several paths and wildcards, and its errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:good = '{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Sigmoid", "bias": 0.5, "weights": [[1, 2]] } ] }'
}

Describe 'Import errors' {
    It 'reports a folder given as the file' {
        Get-ErrorRecord { Import-BackpropNetwork -LiteralPath $TestDrive } 'PathIsDirectory' 'InvalidArgument'
    }

    It 'reports a missing file' {
        $e = Get-ErrorRecord { Import-BackpropNetwork -Path (Join-Path $TestDrive 'missing.json') } 'NetworkFileNotFound' 'ObjectNotFound'
        $e.Exception.Message | Should -BeLike '*missing.json*'
        Get-ErrorRecord { Import-BackpropNetwork -LiteralPath (Join-Path $TestDrive 'missing.json') } 'NetworkFileNotFound' 'ObjectNotFound'
    }

    It 'names the malformed field: <Field>' -TestCases @(
        @{ Json = '{ "version": 1, "layers": [] }'; Field = 'format' }
        @{ Json = '{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Sigmoid" } ] }'; Field = 'layers[0].weights' }
        @{ Json = '{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Cosine", "weights": [[1]] } ] }'; Field = 'layers[0].activation' }
        @{ Json = '{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "ReLU", "weights": [[1, "x"]] } ] }'; Field = 'layers[0].weights[0][1]' }
    ) {
        param($Json, $Field)
        $path = Join-Path $TestDrive 'bad.json'
        Set-Content -LiteralPath $path -Value $Json
        $e = Get-ErrorRecord { Import-BackpropNetwork -Path $path } 'InvalidNetworkFile' 'InvalidData'
        $e.Exception.Message | Should -Match ([regex]::Escape("'$Field'"))
        $e.Exception.Message | Should -BeLike '*bad.json*'
    }

    It 'reports a file that is not JSON' {
        $path = Join-Path $TestDrive 'text.json'
        Set-Content -LiteralPath $path -Value 'hello'
        Get-ErrorRecord { Import-BackpropNetwork -Path $path } 'InvalidNetworkFile' 'InvalidData'
    }

    It 'refuses a path on another provider' {
        Get-ErrorRecord { Import-BackpropNetwork -Path 'Env:PATH' } 'NotAFileSystemPath' 'InvalidArgument'
    }
}

Describe 'Reading several paths' {
    BeforeAll {
        $script:ok = Join-Path $TestDrive 'ok.json'
        $net | Export-BackpropNetwork -LiteralPath $ok -Force
        $script:missing = Join-Path $TestDrive 'nope.json'
    }

    It 'reads the other paths when one is missing, and reports that one' {
        $read = Import-BackpropNetwork -Path $missing, $ok -ErrorVariable problems -ErrorAction SilentlyContinue
        @($read).Count | Should -Be 1
        $read.Shape | Should -Be '2-2-2'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'NetworkFileNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].Exception | Should -BeOfType System.Management.Automation.ItemNotFoundException
        $problems[0].TargetObject | Should -BeLike '*nope.json'
    }

    It 'says nothing about a missing file with -ErrorAction Ignore' {
        $output = Import-BackpropNetwork -Path $missing -ErrorAction Ignore 2>&1
        $output | Should -BeNullOrEmpty
        $output = Import-BackpropNetwork -LiteralPath $missing -ErrorAction SilentlyContinue 2>&1
        $output | Should -BeNullOrEmpty
    }

    It 'reads the good files of a wildcard and reports the bad one' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'mixed')
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'a.json')
        Set-Content -LiteralPath (Join-Path $dir 'b.json') -Value 'not json'
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'c.json')
        $read = Import-BackpropNetwork -Path (Join-Path $dir '*.json') -ErrorVariable problems -ErrorAction SilentlyContinue
        @($read).Count | Should -Be 2
        $problems.FullyQualifiedErrorId | Should -BeLike 'InvalidNetworkFile,*'
    }

    It 'reports a folder among the paths as PathIsDirectory and reads the rest' {
        $read = Import-BackpropNetwork -LiteralPath $TestDrive, $ok -ErrorVariable problems -ErrorAction SilentlyContinue
        @($read).Count | Should -Be 1
        $problems.FullyQualifiedErrorId | Should -BeLike 'PathIsDirectory,*'
    }

    It 'follows Get-Item for a wildcard that matches nothing: silent with -Path, not found with -LiteralPath' {
        Import-BackpropNetwork -Path (Join-Path $TestDrive 'nomatch*.json') -ErrorAction Stop | Should -BeNullOrEmpty
        Get-ErrorRecord { Import-BackpropNetwork -LiteralPath (Join-Path $TestDrive 'nomatch*.json') } 'NetworkFileNotFound' 'ObjectNotFound'
    }

    It 'reads a file with brackets in its name piped from Export -PassThru (by PSPath)' {
        Push-Location $TestDrive
        try {
            $back = $net | Export-BackpropNetwork -LiteralPath 'a[1].json' -PassThru | Import-BackpropNetwork
            $back.Shape | Should -Be '2-2-2'
            (Get-Item -LiteralPath 'a[1].json' | Import-BackpropNetwork).Shape | Should -Be '2-2-2'
        }
        finally { Pop-Location }
    }

    It 'reports a path with a null character as InvalidPath, on reading and on writing' {
        $bad = Join-Path $TestDrive "a`0b.json"
        $e = Get-ErrorRecord { Import-BackpropNetwork -Path $bad } 'InvalidPath' 'InvalidArgument'
        $e.Exception.Message | Should -Match ([regex]::Escape('a`0b.json'))
        Get-ErrorRecord { Import-BackpropNetwork -LiteralPath $bad } 'InvalidPath' 'InvalidArgument'
        Get-ErrorRecord { $net | Export-BackpropNetwork -Path $bad } 'InvalidPath' 'InvalidArgument'
        Get-ErrorRecord { $net | Export-BackpropNetwork -LiteralPath $bad } 'InvalidPath' 'InvalidArgument'
    }

    It 'reports a drive that does not exist as DriveNotFound' {
        Get-ErrorRecord { Import-BackpropNetwork -Path 'nodrive:/net.json' } 'DriveNotFound' 'ObjectNotFound'
        Get-ErrorRecord { $net | Export-BackpropNetwork -Path 'nodrive:/net.json' } 'DriveNotFound' 'ObjectNotFound'
    }
}

Describe 'A network file that is not strict JSON' {
    It 'is refused when <Case>' -ForEach @(
        @{ Case = 'the version is 1.0'; Find = '"version": 1'; Replace = '"version": 1.0'; Field = "'version'" }
        @{ Case = 'the version is 1e0'; Find = '"version": 1'; Replace = '"version": 1e0'; Field = "'version'" }
        @{ Case = 'a number has a leading zero'; Find = '[[1, 2]]'; Replace = '[[1, 02]]'; Field = "'layers[0].weights[0][1]'" }
        @{ Case = 'a number is hex'; Find = '"bias": 0.5'; Replace = '"bias": 0x10'; Field = "'layers[0].bias'" }
        @{ Case = 'a number is .5'; Find = '"bias": 0.5'; Replace = '"bias": .5'; Field = "'layers[0].bias'" }
        @{ Case = 'it has a comment'; Find = '[[1, 2]]'; Replace = '[[1, /* two */ 2]]'; Field = 'comments are not part of JSON' }
        @{ Case = 'a string has single quotes'; Find = '"Sigmoid"'; Replace = "'Sigmoid'"; Field = "'layers[0].activation'" }
        @{ Case = 'an array has a trailing comma'; Find = '[[1, 2]]'; Replace = '[[1, 2],]'; Field = 'trailing comma' }
        @{ Case = 'a field is given twice'; Find = '"bias": 0.5'; Replace = '"bias": 0.5, "bias": 7'; Field = "'layers[0].bias' is given twice" }
        @{ Case = 'the activation is a list'; Find = '"Sigmoid"'; Replace = '"Sigmoid, Tanh"'; Field = "'layers[0].activation'" }
    ) {
        $path = Join-Path $TestDrive 'bad.json'
        Set-Content -LiteralPath $path -Value $good.Replace($Find, $Replace) -NoNewline
        $e = Get-ErrorRecord { Import-BackpropNetwork -LiteralPath $path } 'InvalidNetworkFile' 'InvalidData'
        $e.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Field))*"
    }

    It 'is refused when one sigmoid output has one class label, or labels repeat' {
        $path = Join-Path $TestDrive 'labels.json'
        foreach ($labels in '["yes"]', '["yes", "yes"]') {
            Set-Content -LiteralPath $path -Value $good.Replace('] }', "], ""schema"": { ""classLabels"": $labels } }") -NoNewline
            $e = Get-ErrorRecord { Import-BackpropNetwork -LiteralPath $path } 'InvalidNetworkFile' 'InvalidData'
            $e.Exception.Message | Should -BeLike '*schema.classLabels*'
        }
    }

    It 'is refused when it is not UTF-8 text' {
        $path = Join-Path $TestDrive 'latin1.json'
        # A label in Latin-1 (0xE9 for é) is not UTF-8; it must not become U+FFFD silently.
        $bytes = [Text.Encoding]::ASCII.GetBytes($good.Replace('] }', '], "schema": { "classLabels": ["caf?", "tea"] } }'))
        $bytes[[array]::IndexOf($bytes, [byte][char]'?')] = 0xE9
        [IO.File]::WriteAllBytes($path, $bytes)
        $e = Get-ErrorRecord { Import-BackpropNetwork -LiteralPath $path } 'InvalidNetworkFile' 'InvalidData'
        $e.Exception.Message | Should -BeLike '*not UTF-8*'
    }

    It 'still reads everything JSON allows' {
        $path = Join-Path $TestDrive 'legal.json'
        Set-Content -LiteralPath $path -Value "`t{`r`n ""format"":""\u0042ackpropPS.Network"", ""version"":1, ""x"":[true,null,{}],`n ""layers"":[{""activation"":""relu"",""weights"":[[1E+2,-2.5e-3]]}]}" -NoNewline
        $net = Import-BackpropNetwork -LiteralPath $path
        $net.Layers[0].Activation | Should -Be 'ReLU'
        $net.Layers[0].Weights.ToArray() | Should -Be 100, -0.0025
    }
}

Describe 'Files that are not regular files' {
    It 'refuses a named pipe (FIFO) and a device without opening them, for a network file and for a worksheet' {
        if (-not (Get-Command mkfifo -CommandType Application -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'there is no mkfifo on this system (named pipes in the file system are a Unix thing)'
            return
        }
        $fifo = Join-Path $TestDrive 'net.json'
        & mkfifo $fifo
        # In a fresh process, killed if it ever blocks: Ctrl+C could not stop a read blocked in opening a pipe.
        $lines = Invoke-GuardedPwsh (
            "Import-BackpropNetwork -LiteralPath '$fifo' -ErrorVariable e -ErrorAction SilentlyContinue; `$e[0].FullyQualifiedErrorId; `$e[0].Exception.Message; " +
            "Test-BackpropExercise -LiteralPath '$fifo' -Exercise (New-BackpropExercise -Example StepByStep) -ErrorVariable f -ErrorAction SilentlyContinue; `$f[0].FullyQualifiedErrorId")
        $lines[0] | Should -Be 'NotARegularFile,BackpropPS.Commands.ImportBackpropNetworkCommand'
        $lines[1] | Should -Be "Expected a regular file; '$fifo' is a named pipe (FIFO). The module reads network files only from regular files, and does not open anything else (a pipe would wait for a writer, a device would never end)."
        $lines[2] | Should -Be 'NotARegularFile,BackpropPS.Commands.TestBackpropExerciseCommand'
        if (Test-Path /dev/zero) {
            Get-ErrorRecord { Import-BackpropNetwork -LiteralPath /dev/zero } 'NotARegularFile' 'InvalidArgument' | Out-Null
            Get-ErrorRecord { Test-BackpropExercise -LiteralPath /dev/zero -Exercise /dev/zero } 'NotARegularFile' 'InvalidArgument' | Out-Null
        }
    }
}
