# The module as installed: manifest, exports, output types and default views.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:module = Get-Module BackpropPS
    $script:manifest = Import-PowerShellDataFile (Join-Path $module.ModuleBase 'BackpropPS.psd1')
}

Describe 'The BackpropPS module' {
    It 'is imported from the built folder, not the source tree' {
        $module.ModuleBase | Should -BeLike '*out*BackpropPS'
    }

    It 'exports exactly the cmdlets its manifest lists' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'runs on Windows PowerShell and PowerShell 7 through one root module' {
        $manifest.CompatiblePSEditions | Should -Be 'Desktop', 'Core'
        $manifest.RootModule | Should -Be 'BackpropPS.psm1'
    }

    It 'ships both builds with their DLLs and no PowerShell reference assembly' {
        (Get-ChildItem $module.ModuleBase -Filter *.dll).Name | Should -BeNullOrEmpty
        (Get-ChildItem (Join-Path $module.ModuleBase 'net8.0') -Filter *.dll).Name | Sort-Object |
            Should -Be 'BackpropPS.Core.dll', 'BackpropPS.dll', 'Google.Protobuf.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll'
        (Get-ChildItem (Join-Path $module.ModuleBase 'netstandard2.0') -Filter *.dll).Name | Sort-Object |
            Should -Be 'BackpropPS.Core.dll', 'BackpropPS.dll', 'Google.Protobuf.dll', 'Newtonsoft.Json.dll', 'OxyPlot.dll', 'System.Buffers.dll',
            'System.Memory.dll', 'System.Numerics.Vectors.dll', 'System.Runtime.CompilerServices.Unsafe.dll'
    }

    It 'loads the net8.0 build in PowerShell 7.4 and later' {
        (Get-Command New-BackpropNetwork).DLL | Should -Be (Join-Path $module.ModuleBase 'net8.0' 'BackpropPS.dll')
        [BackpropPS.Core.Network].Assembly.Location | Should -Be (Join-Path $module.ModuleBase 'net8.0' 'BackpropPS.Core.dll')
    }

    It 'runs the fastest kernels this processor has' {
        [BackpropPS.Core.Kernels.Engine]::Build | Should -Be 'net8.0'
        $expected = if ([System.Runtime.Intrinsics.X86.Avx2]::IsSupported -and [System.Runtime.Intrinsics.X86.Fma]::IsSupported) { 'Avx2' } else { 'Vector' }
        [BackpropPS.Core.Kernels.Engine]::Path | Should -Be $expected
    }

    It 'has a netstandard2.0 build that runs the seed step in PowerShell 7 as well' {
        # What PowerShell 7.0-7.3 load: the same cmdlets on System.Numerics vectors.
        $dll = Join-Path $module.ModuleBase 'netstandard2.0' 'BackpropPS.dll'
        $output = Invoke-FreshPwsh ("Import-Module '$dll'; [BackpropPS.Core.Kernels.Engine]::Build; " +
            "(New-BackpropNetwork -Example StepByStep | Invoke-BackpropForward -Input 0.05, 0.10 | Get-BackpropGradient -Target 0.01, 0.99).Loss.ToString('R')")
        $output[0] | Should -Be 'netstandard2.0'
        Assert-Close ([double]$output[1]) 0.298371108760003 -Tolerance 1e-12
    }

    It 'finds the help of cmdlets that live in a build folder' {
        (Get-Help New-BackpropNetwork).Description | Should -Not -BeNullOrEmpty
    }

    It 'shares PowerShell''s own Newtonsoft.Json rather than loading a second copy' {
        @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Newtonsoft.Json' }).Count | Should -Be 1
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in Get-Command -Module BackpropPS) {
            $command.OutputType | Should -Not -BeNullOrEmpty -Because $command.Name
        }
    }

    It 'uses approved verbs and the Backprop noun prefix' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module BackpropPS) {
            $approved | Should -Contain $command.Verb
            $command.Noun | Should -BeLike 'Backprop*'
        }
    }
}

Describe 'Default views' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
        $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99
    }

    It 'shows a network as a table with its shape' {
        $text = $net | Out-String
        $text | Should -Match 'Shape'
        $text | Should -Match '2-2-2'
    }

    It 'shows a forward pass with every layer''s z and a' {
        $text = $fwd | Out-String -Width 200
        $text | Should -Match 'z1 = 0\.3775, 0\.3925'
        $text | Should -Match 'a2 = 0\.75136506955'
    }

    It 'shows a gradient with its loss and deltas' {
        $text = $grad | Out-String -Width 200
        $text | Should -Match 'Loss\s+: 0\.29837110876'
        $text | Should -Match 'delta2 = 0\.13849856162'
    }
}
