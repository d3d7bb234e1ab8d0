# Export-BackpropOnnx and ConvertTo-BackpropOnnx: the model's bytes, networks that come back whole, -Precision, and
# the Export-* file rules. (ONNX Runtime itself runs the models in the xunit tests: Onnx/OnnxExportTests.)
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    function script:Get-Parameter($Network) { @($Network | Get-BackpropParameter).Value }
}

Describe 'The ONNX model' {
    It 'starts as a protobuf ModelProto: the file is the bytes of ConvertTo-BackpropOnnx, not text' {
        $path = Join-Path $TestDrive 'seed.onnx'
        $net | Export-BackpropOnnx -Path $path
        $bytes = $net | ConvertTo-BackpropOnnx
        , $bytes | Should -BeOfType [byte[]]
        [IO.File]::ReadAllBytes($path) | Should -Be $bytes
        $bytes[0] | Should -Be 0x08 -Because 'field 1 (ir_version) comes first'
        [Text.Encoding]::ASCII.GetString($bytes) | Should -Match 'BackpropPS\.BiasModes'
    }

    It 'brings the network back bit for bit, in every bias mode' {
        foreach ($mode in 'PerNeuron', 'Shared', 'None') {
            $original = New-BackpropNetwork 3, 5, 2 -Activation LeakyReLU, Softmax -BiasMode $mode -Seed 4
            $path = Join-Path $TestDrive "$mode.onnx"
            $original | Export-BackpropOnnx -Path $path
            $back = Import-BackpropOnnx -Path $path
            ConvertTo-BitPattern (Get-Parameter $back) | Should -Be (ConvertTo-BitPattern (Get-Parameter $original)) -Because $mode
            $back.Layers.BiasMode | Should -Be $mode, $mode
            $back.Layers.Activation | Should -Be 'LeakyReLU', 'Softmax'
        }
    }

    It 'keeps what an Iris network was trained on: labels, columns and the input scaling' {
        $iris = Get-BackpropDataset Iris
        $run = $iris | Invoke-BackpropTraining -Network (New-BackpropNetwork 4, 8, 3 -Activation Tanh, Softmax -Seed 3) -TargetColumn species -Epochs 20 -Standardize -Seed 3
        $path = Join-Path $TestDrive 'iris.onnx'
        $run[-1] | Export-BackpropOnnx -Path $path
        $back = Import-BackpropOnnx $path
        $back.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
        $back.Schema.InputColumns | Should -Be 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'
        ConvertTo-BitPattern $back.Schema.Scaling.Mean | Should -Be (ConvertTo-BitPattern $run[-1].Network.Schema.Scaling.Mean)
        $ours = $iris | Invoke-BackpropPrediction -Network $run[-1].Network
        $theirs = $iris | Invoke-BackpropPrediction -Network $back
        $theirs.Predicted | Should -Be $ours.Predicted
        $theirs.Probability_virginica.Count | Should -Be 150
        ConvertTo-BitPattern $theirs.Probability_virginica | Should -Be (ConvertTo-BitPattern $ours.Probability_virginica)
    }

    It 'rounds each number once to float32 with -Precision Single, in about half the bytes' {
        $big = New-BackpropNetwork 20, 30, 3 -Activation ReLU, Softmax -Seed 1
        $double = $big | ConvertTo-BackpropOnnx
        $single = $big | ConvertTo-BackpropOnnx -Precision Single
        $single.Length | Should -BeLessThan ($double.Length * 0.6)
        $path = Join-Path $TestDrive 'single.onnx'
        $big | Export-BackpropOnnx -Path $path -Precision Single
        $back = Import-BackpropOnnx $path
        $expected = foreach ($value in Get-Parameter $big) { [double][float]$value }
        ConvertTo-BitPattern (Get-Parameter $back) | Should -Be (ConvertTo-BitPattern $expected)
    }

    It 'refuses a weight float32 cannot hold: PrecisionOverflow, and no file' {
        $huge = New-BackpropNetwork -Weight @(, @(, 1e300)) -Activation Linear
        $path = Join-Path $TestDrive 'overflow.onnx'
        $e = Get-ErrorRecord { $huge | Export-BackpropOnnx -Path $path -Precision Single } 'PrecisionOverflow' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*1E+300*-Precision Double*'
        Test-Path $path | Should -BeFalse
        (Get-ErrorRecord { $huge | ConvertTo-BackpropOnnx -Precision Single } 'PrecisionOverflow').TargetObject | Should -Be $huge
        ($huge | ConvertTo-BackpropOnnx).Length | Should -BeGreaterThan 0
    }

    It 'takes -Precision by name, in any case, and only Single or Double' {
        ($net | ConvertTo-BackpropOnnx -Precision single).Length | Should -Be ($net | ConvertTo-BackpropOnnx -Precision Single).Length
        { $net | ConvertTo-BackpropOnnx -Precision Half } | Should -Throw -ErrorId 'CannotConvertArgumentNoMessage,BackpropPS.Commands.ConvertToBackpropOnnxCommand'
    }

    It 'gives one byte array per network piped to ConvertTo-BackpropOnnx' {
        $models = $net, (New-BackpropNetwork 2, 1 -Seed 1) | ConvertTo-BackpropOnnx
        $models.Count | Should -Be 2
        , $models[1] | Should -BeOfType [byte[]]
        $path = Join-Path $TestDrive 'second.onnx'
        [IO.File]::WriteAllBytes($path, $models[1])
        (Import-BackpropOnnx -Path $path).Shape | Should -Be '2-1'
    }
}

Describe 'The file rules of Export-BackpropOnnx' {
    It 'replaces a file as Export-Csv does, and keeps it with -NoClobber' {
        $path = Join-Path $TestDrive 'keep.onnx'
        Set-Content -LiteralPath $path -Value 'precious'
        $e = Get-ErrorRecord { $net | Export-BackpropOnnx -Path $path -NoClobber } 'OnnxFileExists' 'ResourceExists'
        $e.Exception.Message | Should -Be "The file '$path' already exists. -NoClobber keeps it; leave -NoClobber out to replace it."
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $net | Export-BackpropOnnx -Path $path
        (Import-BackpropOnnx -Path $path).Shape | Should -Be '2-2-2'
    }

    It 'replaces a read-only file only with -Force, and it stays read-only' {
        $path = Join-Path $TestDrive 'readonly.onnx'
        Set-Content -LiteralPath $path -Value 'precious'
        Set-ItemProperty -LiteralPath $path -Name IsReadOnly -Value $true
        Get-ErrorRecord { $net | Export-BackpropOnnx -Path $path } 'OnnxFileReadOnly' 'PermissionDenied' | Out-Null
        Get-Content -LiteralPath $path | Should -Be 'precious'
        $net | Export-BackpropOnnx -Path $path -Force
        (Import-BackpropOnnx -Path $path).Shape | Should -Be '2-2-2'
        (Get-Item -LiteralPath $path).IsReadOnly | Should -BeTrue
    }

    It 'writes nothing with -WhatIf, nor into a folder that does not exist' {
        $net | Export-BackpropOnnx -Path (Join-Path $TestDrive 'whatif.onnx') -WhatIf
        Test-Path (Join-Path $TestDrive 'whatif.onnx') | Should -BeFalse
        Get-ErrorRecord { $net | Export-BackpropOnnx -Path (Join-Path $TestDrive 'no/such/net.onnx') } 'DirectoryNotFound' 'ObjectNotFound' | Out-Null
        Get-ChildItem -Force $TestDrive -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It 'holds one network: a second piped to the same file is an error' {
        Get-ErrorRecord { $net, $net | Export-BackpropOnnx -Path (Join-Path $TestDrive 'one.onnx') } 'MultipleNetworksForOneFile' 'InvalidOperation' | Out-Null
    }

    It 'returns the file with -PassThru, which pipes to Import-BackpropOnnx, brackets and all' {
        $file = $net | Export-BackpropOnnx -LiteralPath (Join-Path $TestDrive 'net[1].onnx') -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        ($file | Import-BackpropOnnx).Shape | Should -Be '2-2-2'
    }

    It 'writes a relative path from the current location' {
        Push-Location $TestDrive
        try {
            $net | Export-BackpropOnnx ./relative.onnx
            (Import-BackpropOnnx ./relative.onnx).Shape | Should -Be '2-2-2'
        }
        finally { Pop-Location }
    }
}
