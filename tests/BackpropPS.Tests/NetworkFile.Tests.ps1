# Export-BackpropNetwork and Import-BackpropNetwork: the JSON file format, bit-exact round trips,
# and files written completely or not at all.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep

}

Describe 'The network file' {
    It 'is the format DESIGN.md describes' {
        $path = Join-Path $TestDrive 'seed.json'
        $net | Export-BackpropNetwork -Path $path
        $json = Get-Content -Raw $path | ConvertFrom-Json
        $json.format | Should -Be 'BackpropPS.Network'
        $json.version | Should -Be 1
        $json.layers[0].activation | Should -Be 'Sigmoid'
        $json.layers[0].bias | Should -Be 0.35
        $json.layers[0].weights[0] | Should -Be 0.15, 0.2
        $json.layers[1].weights[1] | Should -Be 0.5, 0.55
    }

    It 'brings back every parameter bit for bit, in every bias mode' {
        $path = Join-Path $TestDrive 'random.json'
        $original = New-BackpropNetwork 5, 7, 4, 3 -Activation LeakyReLU, Tanh, Softmax -Seed 42
        $original | Export-BackpropNetwork -Path $path
        $back = Import-BackpropNetwork -Path $path
        $a = $original | Get-BackpropParameter
        $b = $back | Get-BackpropParameter
        $b.Name | Should -Be $a.Name
        for ($i = 0; $i -lt $a.Count; $i++) {
            [BitConverter]::DoubleToInt64Bits($b[$i].Value) | Should -Be ([BitConverter]::DoubleToInt64Bits($a[$i].Value))
        }
        $back.Layers.Activation | Should -Be 'LeakyReLU', 'Tanh', 'Softmax'
        foreach ($mode in 'PerNeuron', 'Shared', 'None') {
            $m = New-BackpropNetwork 2, 2 -BiasMode $mode -Seed 1
            $m | Export-BackpropNetwork -Path (Join-Path $TestDrive "$mode.json")
            (Import-BackpropNetwork -Path (Join-Path $TestDrive "$mode.json")).Layers[0].BiasMode | Should -Be $mode
        }
    }

    It 'is not overwritten without -Force, and is replaced with it' {
        $path = Join-Path $TestDrive 'keep.json'
        Set-Content -LiteralPath $path -Value 'precious'
        $e = Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'NetworkFileExists' 'ResourceExists'
        $e.Exception.Message | Should -BeLike '*-Force*'
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $net | Export-BackpropNetwork -Path $path -Force
        (Import-BackpropNetwork -Path $path).Shape | Should -Be '2-2-2'
    }

    It 'is not written with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        $net | Export-BackpropNetwork -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }

    It 'leaves nothing behind when its folder does not exist' {
        $path = Join-Path $TestDrive 'no/such/folder/net.json'
        Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'DirectoryNotFound' 'ObjectNotFound'
        Test-Path (Join-Path $TestDrive 'no') | Should -BeFalse
    }

    It 'leaves no temporary file beside it' {
        $dir = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'clean')
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'net.json')
        $net | Export-BackpropNetwork -Path (Join-Path $dir 'net.json') -Force
        (Get-ChildItem -Force $dir).Name | Should -Be 'net.json'
    }

    It 'holds one network: a second piped to the same file is an error' {
        $path = Join-Path $TestDrive 'one.json'
        Get-ErrorRecord { $net, $net | Export-BackpropNetwork -Path $path } 'MultipleNetworksForOneFile' 'InvalidOperation'
    }

    It 'returns the file with -PassThru' {
        $file = $net | Export-BackpropNetwork -Path (Join-Path $TestDrive 'pass.json') -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.Length | Should -BeGreaterThan 0
    }

    It 'resolves relative paths against the current location' {
        Push-Location $TestDrive
        try {
            $net | Export-BackpropNetwork -Path ./relative.json
            Test-Path (Join-Path $TestDrive 'relative.json') | Should -BeTrue
            (Import-BackpropNetwork ./relative.json).Shape | Should -Be '2-2-2'
        }
        finally { Pop-Location }
    }

    It 'takes -LiteralPath as typed, brackets and all' {
        $path = Join-Path $TestDrive 'net[1].json'
        $net | Export-BackpropNetwork -LiteralPath $path
        (Import-BackpropNetwork -LiteralPath $path).Shape | Should -Be '2-2-2'
    }
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
