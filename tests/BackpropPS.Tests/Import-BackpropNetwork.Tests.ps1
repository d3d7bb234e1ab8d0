# Import-BackpropNetwork reads strict JSON: what a lenient reader would take is InvalidNetworkFile, naming the
# field; and Export-BackpropNetwork never writes a network with a non-finite parameter.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:good = '{ "format": "BackpropPS.Network", "version": 1, "layers": [ { "activation": "Sigmoid", "bias": 0.5, "weights": [[1, 2]] } ] }'
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

Describe 'A network with a non-finite parameter' {
    It 'is not written: NonFiniteParameter, and no file' {
        # Only the core's own snapshots can hold such a value (the public constructors refuse it), so build one the same way.
        $seed = New-BackpropNetwork -Example StepByStep
        $wrap = [BackpropPS.Core.Layer].GetMethod('Wrap', [Reflection.BindingFlags]'NonPublic, Static')
        $broken = $wrap.Invoke($null, @($seed.Layers[1], [double[]](0.4, [double]::PositiveInfinity, 0.5, 0.55), [double[]]@(0.6)))
        $net = [BackpropPS.Core.Network]::new([BackpropPS.Core.Layer[]]@($seed.Layers[0], $broken), $null)
        $path = Join-Path $TestDrive 'infinite.json'
        $e = Get-ErrorRecord { $net | Export-BackpropNetwork -Path $path } 'NonFiniteParameter' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*layers`[1`].weights`[0`]`[1`]*Infinity*'
        Test-Path $path | Should -BeFalse
        Get-ChildItem $TestDrive | Should -BeNullOrEmpty -Because 'no temporary file is left behind'
    }
}
